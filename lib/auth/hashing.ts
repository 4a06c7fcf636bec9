// Password hashing with argon2id (the @node-rs/argon2 defaults: 19 MiB, 2 passes, as OWASP advises).
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Checked against when there is no such account, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash("not a real password, only for timing");
  await verifyPassword(await dummyHash, password);
}
