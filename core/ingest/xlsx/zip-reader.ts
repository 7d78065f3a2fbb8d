/**
 * Reads the files of a ZIP container (XLSX is one) from its central
 * directory. Decompression is passed in, so this stays pure: the caller hands
 * over Node's inflateRaw.
 */
export type InflateRaw = (bytes: Uint8Array) => Uint8Array;

export class ZipError extends Error {
  override readonly name = 'ZipError';
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

export interface ZipEntry {
  readonly name: string;
  read(): Uint8Array;
}

export function readZip(bytes: Uint8Array, inflateRaw: InflateRaw): Map<string, ZipEntry> {
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipError('not a ZIP file (no end of central directory)');
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError(`corrupt central directory at entry ${n + 1}`);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    entries.set(name, {
      name,
      read: () => {
        if (u32(bytes, localOffset) !== 0x04034b50) throw new ZipError(`corrupt local header for ${name}`);
        const start = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
        const data = bytes.subarray(start, start + compressedSize);
        if (data.length !== compressedSize) throw new ZipError(`${name} is truncated`);
        if (method === 0) return data;
        if (method === 8) return inflateRaw(data);
        throw new ZipError(`${name} uses unsupported compression method ${method}`);
      },
    });
  }
  return entries;
}
