import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SnapshotDateSource } from '../model/lightning-graph';
import { GraphFormatError } from './graph-format.error';

export interface SnapshotFile {
  name: string;
  /** Content hash of the bytes on disk. */
  version: string;
  json: unknown;
  mtime: Date;
  /** Set for a graph read live from a node: it describes the network as of this moment. */
  liveAt?: Date;
}

/** Reads a JSON snapshot, gunzipping it when the gzip magic bytes are there. */
export function readSnapshotFile(path: string): SnapshotFile {
  const name = basename(path);
  let raw: Buffer;
  try {
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- GRAPH_SNAPSHOT / history paths configured by the operator, read at boot
    raw = readFileSync(path);
  } catch (err) {
    throw new GraphFormatError(name, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const version = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  let text: string;
  try {
    text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
  } catch {
    throw new GraphFormatError(name, 'looks gzipped but does not decompress (truncated or corrupt)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new GraphFormatError(name, `is not valid JSON (${(err as Error).message})`);
  }
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the same configured snapshot path
  return { name, version, json, mtime: statSync(path).mtime };
}

/**
 * The date a snapshot describes: the load time for a live graph, else the newest gossip timestamp in it when it has any, else a date in the
 * file name (the embedded gossmap snapshots carry no timestamps), else the file's modification time.
 */
export function snapshotDate(maxLastUpdate: number, file: SnapshotFile): { date: string; source: SnapshotDateSource } {
  if (file.liveAt) return { date: isoDate(file.liveAt), source: 'load_time' };
  if (maxLastUpdate > 0) return { date: isoDate(new Date(maxLastUpdate * 1000)), source: 'last_update' };
  const m = /(\d{4}-\d{2}-\d{2})/.exec(file.name);
  if (m && !Number.isNaN(Date.parse(m[1]))) return { date: m[1], source: 'file_name' };
  return { date: isoDate(file.mtime), source: 'file_mtime' };
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
