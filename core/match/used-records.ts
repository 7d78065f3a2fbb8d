/**
 * Which records are already placed in a group, as one byte per record
 * (records are numbered 0…n−1 across both sides): at a million records per
 * side a hash set of numbers costs far more memory and time.
 */
export class UsedRecords {
  private readonly flags: Uint8Array;

  constructor(readonly capacity: number) {
    this.flags = new Uint8Array(capacity);
  }

  has(uid: number): boolean {
    return this.flags[uid] === 1;
  }

  add(uid: number): void {
    this.flags[uid] = 1;
  }
}
