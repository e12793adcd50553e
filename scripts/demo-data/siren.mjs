// Fictitious SIREN numbers for the demo data (scripts/generate-demo-data.mjs): 9 digits that fail the Luhn check of
// real SIRENs, so that none can be the number of a real company.

/** Luhn check (the checksum of SIREN numbers). */
export function luhnValid(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 9 digits that fail the Luhn check: never a real SIREN. */
export function fakeSiren(rnd, used) {
  for (;;) {
    let s = String(1 + rnd.int(9));
    for (let i = 0; i < 7; i++) s += rnd.int(10);
    // the one last digit that would pass the check, then any other one
    let good = 0;
    while (!luhnValid(s + good)) good++;
    const last = (good + 1 + rnd.int(9)) % 10;
    const siren = s + last;
    if (!luhnValid(siren) && !used.has(siren)) {
      used.add(siren);
      return siren;
    }
  }
}
