import { namesArtist, sameLabel } from './text.ts';
import { type ParsedTitle, parseTitle, qualifiersAgree } from './title.ts';

/** A playable Discogs track as the matcher needs it. */
export interface WantedTrack {
  releaseId: number;
  position: string;
  title: string;
  /** Null when Discogs gives no duration. */
  durationSeconds: number | null;
  /** Who performs it: the track's own artists, else the release's (display names and name variations). */
  artists: readonly string[];
  labels: readonly string[];
  year: number | null;
  releaseTitle: string;
}

/** A SoundCloud upload as the matcher needs it. */
export interface Candidate {
  urn: string;
  title: string;
  durationMs: number | null;
  uploader: string;
  uploaderFullName: string;
  metadataArtist: string;
  labelName: string;
  releaseYear: number | null;
}

export type Verdict = 'accept' | 'uncertain' | 'reject';

export interface Scored {
  verdict: Verdict;
  /** 0..1, for ranking and for capping a playlist by confidence. */
  score: number;
  reason: string;
}

/** Allowed difference in seconds: a few seconds of silence or fade, more on long tracks. */
export function durationTolerance(seconds: number): number {
  return Math.min(12, Math.max(6, seconds * 0.03));
}

type Evidence = 'own' | 'label' | 'metadata' | 'none' | 'other';

/**
 * Who stands behind an upload. The artist's own account or the release's label is strong; a
 * matching label or artist field (metadata) on someone else's upload is weaker; an upload whose
 * artist field names someone else is another artist's (a cover).
 */
function evidence(wanted: WantedTrack, candidate: Candidate): Evidence {
  if (
    namesArtist(candidate.uploader, wanted.artists) ||
    namesArtist(candidate.uploaderFullName, wanted.artists)
  )
    return 'own';
  if (sameLabel(candidate.uploader, wanted.labels)) return 'label';
  const labelMatches = sameLabel(candidate.labelName, wanted.labels);
  const yearMatches = wanted.year !== null && candidate.releaseYear === wanted.year;
  // The release's own label and year on the upload: the release's metadata, whoever spells the artist.
  if (labelMatches && yearMatches) return 'metadata';
  const metadataNamesArtist = namesArtist(candidate.metadataArtist, wanted.artists);
  if (candidate.metadataArtist && !metadataNamesArtist) return 'other';
  if (labelMatches && metadataNamesArtist) return 'metadata';
  return 'none';
}

/**
 * Whether the upload's label and year are this release's. An artist records a title once but it
 * may come out on several releases; a different label or year points at another release's upload.
 */
function releaseAgreement(wanted: WantedTrack, candidate: Candidate): 'same' | 'unknown' | 'other' {
  const hasLabel = candidate.labelName.trim() !== '';
  const labelOther = hasLabel && !sameLabel(candidate.labelName, wanted.labels);
  const yearOther =
    candidate.releaseYear !== null && wanted.year !== null && candidate.releaseYear !== wanted.year;
  if (labelOther || yearOther) return 'other';
  if (hasLabel || candidate.releaseYear !== null) return 'same';
  return 'unknown';
}

/** Scores one candidate for one wanted track. Pure. */
export function scoreCandidate(
  wanted: WantedTrack,
  candidate: Candidate,
  parsedWanted?: ParsedTitle,
): Scored {
  const want = parsedWanted ?? parseTitle(wanted.title, wanted.artists);
  const names = [...wanted.artists, candidate.uploader, candidate.uploaderFullName, candidate.metadataArtist];
  const got = parseTitle(candidate.title, names.filter(Boolean));
  const sameTitle = got.base === want.base || (got.afterDash !== null && got.afterDash === want.base);
  if (want.base === '' || !sameTitle) return { verdict: 'reject', score: 0, reason: 'title differs' };
  if (!qualifiersAgree(want, got)) return { verdict: 'reject', score: 0, reason: 'another version' };

  let durationScore = 0.5;
  let durationFar = false;
  if (wanted.durationSeconds !== null && candidate.durationMs !== null) {
    const delta = Math.abs(candidate.durationMs / 1000 - wanted.durationSeconds);
    const tolerance = durationTolerance(wanted.durationSeconds);
    if (delta > 30) return { verdict: 'reject', score: 0, reason: 'duration differs' };
    durationFar = delta > tolerance;
    durationScore = durationFar ? 0 : 1 - delta / (tolerance * 2);
  }

  const who = evidence(wanted, candidate);
  if (who === 'other') return { verdict: 'reject', score: 0, reason: "another artist's upload" };
  const release = releaseAgreement(wanted, candidate);
  const whoScore = { own: 1, label: 0.95, metadata: 0.85, none: 0.3 }[who];
  const releaseScore = release === 'same' ? 1 : release === 'unknown' ? 0.5 : 0;
  const score = Math.round((0.45 * whoScore + 0.3 * durationScore + 0.25 * releaseScore) * 1000) / 1000;
  if (who === 'none') return { verdict: 'uncertain', score, reason: 'uploaded by someone else' };
  if (durationFar) return { verdict: 'uncertain', score, reason: 'duration differs a little' };
  if (release === 'other') return { verdict: 'uncertain', score, reason: 'label or year of another release' };
  return { verdict: 'accept', score, reason: who === 'own' ? "artist's own upload" : `${who} upload` };
}

export interface MatchDecision {
  status: 'matched' | 'uncertain' | 'missing';
  urn: string | null;
  score: number;
  reason: string;
}

/**
 * The best candidate for a track: the highest accepted one, else the highest uncertain one, else
 * missing. `taken` holds uploads already given to another track of the same release, which are not
 * offered twice.
 */
export function chooseMatch(
  wanted: WantedTrack,
  candidates: readonly Candidate[],
  taken: ReadonlySet<string> = new Set(),
): MatchDecision {
  const parsed = parseTitle(wanted.title, wanted.artists);
  let best: { candidate: Candidate; scored: Scored } | undefined;
  const rank = (verdict: Verdict) => (verdict === 'accept' ? 2 : verdict === 'uncertain' ? 1 : 0);
  for (const candidate of candidates) {
    if (taken.has(candidate.urn)) continue;
    const scored = scoreCandidate(wanted, candidate, parsed);
    if (scored.verdict === 'reject') continue;
    if (
      !best ||
      rank(scored.verdict) > rank(best.scored.verdict) ||
      (rank(scored.verdict) === rank(best.scored.verdict) && scored.score > best.scored.score)
    )
      best = { candidate, scored };
  }
  if (!best) return { status: 'missing', urn: null, score: 0, reason: 'no upload of this recording found' };
  return {
    status: best.scored.verdict === 'accept' ? 'matched' : 'uncertain',
    urn: best.candidate.urn,
    score: best.scored.score,
    reason: best.scored.reason,
  };
}
