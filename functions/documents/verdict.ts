// The verdict on one posted file: from what storage says of it, its first bytes and the malware scan (no AWS here).
import type { DocumentRequirement } from '../../schemas/types';
import type { UploadProblem, UploadRecord, UploadStatus } from '../storage/records';
import { sniffContentType } from './magic-bytes';
import { UPLOAD_TEXTS as text } from './rules';

/** One version of a quarantined object, as an S3 `ObjectCreated` event describes it. */
export interface LandedObject {
  readonly key: string;
  readonly size: number;
  /** Without quotes: the MD5 of the bytes for a single-part upload. */
  readonly etag: string;
  /** Set where the bucket is versioned (on AWS): pins the very version the event is about. */
  readonly versionId?: string;
  /** Right-padded (see `padSequencer`), so that plain string order is S3's event order. */
  readonly sequencer: string;
}

/**
 * S3's rule for ordering two events on one key: right-pad the shorter sequencer with zeros, then compare as
 * strings. Stored padded to a fixed width, a later event compares greater.
 */
export const padSequencer = (sequencer: string) => sequencer.toUpperCase().padEnd(64, '0');

/** Whether this post is later than the one the record's verdict is about (a repeated event is not). */
export const isLaterThanVerdict = (landed: LandedObject, upload: UploadRecord) =>
  upload.sequencer === undefined || landed.sequencer > upload.sequencer;

/** What the size alone refuses: nothing, an empty file, or one that is not the size declared when presigned. */
export function sizeProblems(
  upload: UploadRecord,
  requirement: DocumentRequirement,
  size: number,
): UploadProblem[] {
  if (size === 0) return [{ path: 'size', message: text.empty }];
  if (size !== upload.size) return [{ path: 'size', message: text.sizeMismatch }];
  if (size > requirement.maxBytes) return [{ path: 'size', message: text.tooLarge(requirement.maxBytes) }];
  return [];
}

/** What the first bytes refuse: a real type other than the declared one, or one the requirement does not take. */
export function contentProblems(
  upload: UploadRecord,
  requirement: DocumentRequirement,
  head: Uint8Array,
): UploadProblem[] {
  const realType = sniffContentType(head);
  if (realType === upload.contentType && requirement.accept.includes(realType)) return [];
  return [{ path: 'contentType', message: text.contentMismatch }];
}

/** The EventBridge detail type of GuardDuty's result for one scanned object. */
export const SCAN_RESULT_DETAIL_TYPE = 'GuardDuty Malware Protection Object Scan Result';

/** GuardDuty's result for a clean object; anything else it reports refuses the file. */
export const SCAN_CLEAN = 'NO_THREATS_FOUND';

/**
 * The upload's status from the content checks of its latest post and, where the malware scan is on, GuardDuty's
 * result for that same post (by ETag): `verified` needs both.
 */
export function judge(options: {
  readonly problems: readonly UploadProblem[];
  readonly etag: string | undefined;
  readonly scans: Readonly<Record<string, string>> | undefined;
  readonly scanRequired: boolean;
}): { status: Exclude<UploadStatus, 'claimed'>; problems: UploadProblem[] } {
  if (options.problems.length > 0) return { status: 'rejected', problems: [...options.problems] };
  if (options.etag === undefined) return { status: 'pending', problems: [] };
  if (!options.scanRequired) return { status: 'verified', problems: [] };
  const scan = options.scans?.[options.etag];
  if (scan === undefined) return { status: 'pending', problems: [] };
  if (scan === SCAN_CLEAN) return { status: 'verified', problems: [] };
  const message = scan === 'THREATS_FOUND' ? text.infected : text.notScannable;
  return { status: 'rejected', problems: [{ path: 'file', message }] };
}
