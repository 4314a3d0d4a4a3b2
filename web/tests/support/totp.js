// TOTP codes (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), as an
// authenticator app would show them.

import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

export function currentStep(nowMs = Date.now()) {
  return Math.floor(nowMs / 30_000);
}

const usedSteps = new Map();

/**
 * A code for `secret` that has not been handed out before by this process:
 * a server may refuse a code it has already accepted once, so a second sign-in
 * within the same 30 seconds waits for the next step.
 */
export async function freshTotp(secret) {
  let step = currentStep();
  if (usedSteps.get(secret) >= step) {
    const wait = (usedSteps.get(secret) + 1) * 30_000 - Date.now() + 200;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    step = currentStep();
  }
  // Too close to the end of a step: the code could expire on the way.
  const left = (step + 1) * 30_000 - Date.now();
  if (left < 3_000) {
    await new Promise((resolve) => setTimeout(resolve, left + 200));
    step = currentStep();
  }
  usedSteps.set(secret, step);
  return totpAt(secret, step);
}
