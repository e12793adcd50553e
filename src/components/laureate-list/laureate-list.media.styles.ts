import { css } from 'lit';

/**
 * The list in forced colours (Windows high contrast: borders where backgrounds disappear, system colours) and in
 * print (no controls, every project open). Last of the list's styles: these rules override the others' (same
 * specificity, later in the cascade).
 */
export const listMediaStyles = css`
  @media (forced-colors: active) {
    .tag {
      border: 1px solid ButtonText;
    }
    .tag[aria-pressed='true'] {
      border: 2px solid Highlight;
      outline: 1px solid Highlight;
    }
    .swatch,
    .statut::before {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
    .page[aria-current='page'] {
      border: 2px solid Highlight;
    }
    .page[aria-disabled='true'] {
      color: GrayText;
    }
    [aria-sort] .sort {
      text-decoration: underline;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .input,
    .select {
      border: 1px solid FieldText;
    }
    .disclosure {
      color: LinkText;
    }
  }
  @media print {
    .filters,
    .pagination,
    .disclosure,
    .btn--export,
    .sort__icon,
    .sort-select {
      display: none !important;
    }
    tr.detail[hidden],
    .card__project[hidden] {
      display: revert !important;
    }
  }
`;
