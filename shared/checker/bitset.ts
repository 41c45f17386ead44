// Rows of bits in one buffer: "which steps are sure to have run before step i" for every i, with
// unions a word at a time, so a 1,000-step flow costs a few thousand word operations, not a
// million set insertions.

export class BitMatrix {
  readonly rows: number;
  readonly words: number;
  private readonly data: Uint32Array;

  constructor(rows: number, columns: number) {
    this.rows = rows;
    this.words = Math.max(1, Math.ceil(columns / 32));
    this.data = new Uint32Array(rows * this.words);
  }

  set(row: number, column: number): void {
    const i = row * this.words + (column >>> 5);
    this.data[i] = (this.data[i] ?? 0) | (1 << (column & 31));
  }

  has(row: number, column: number): boolean {
    return ((this.data[row * this.words + (column >>> 5)] ?? 0) & (1 << (column & 31))) !== 0;
  }

  /** row `into` |= row `from` of `source` (this matrix by default; both must have as many columns). */
  orRow(into: number, from: number, source: BitMatrix = this): void {
    const a = into * this.words;
    const b = from * source.words;
    for (let w = 0; w < this.words; w++) {
      this.data[a + w] = (this.data[a + w] ?? 0) | (source.data[b + w] ?? 0);
    }
  }

  /** The columns set in a row, ascending. */
  columns(row: number): number[] {
    const out: number[] = [];
    const base = row * this.words;
    for (let w = 0; w < this.words; w++) {
      let bits = this.data[base + w] ?? 0;
      while (bits !== 0) {
        const low = bits & -bits;
        out.push(w * 32 + (31 - Math.clz32(low)));
        bits ^= low;
      }
    }
    return out;
  }
}
