/**
 * The parser's issue log (capped details, exact counts) and a shared type guard.
 */
import type { DataIssue } from '../types.js';

/** Largest number of issues kept in detail (counts stay exact). */
export const MAX_ISSUES = 1000;

/** Collects issues with a cap on stored details. */
export class IssueLog {
  readonly issues: DataIssue[] = [];
  errors = 0;
  warnings = 0;
  add(issue: DataIssue): void {
    if (issue.level === 'error') this.errors++;
    else this.warnings++;
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }
}
