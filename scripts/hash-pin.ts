/**
 * For store IT: prints the scrypt hash of a PIN for the provisioning file's `people[].pinHash`, so
 * the PIN itself never sits in the file. Usage: `npx tsx scripts/hash-pin.ts 4821`.
 */
import { hashPin, pinProblem } from '../electron/core/people/pin-hash';

const pin = process.argv[2] ?? '';
const problem = pinProblem(pin);
if (problem) {
  console.error(`${problem} Usage: npx tsx scripts/hash-pin.ts 4821`);
  process.exit(2);
}
console.log(await hashPin(pin));
