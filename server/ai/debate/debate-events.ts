import type { TDebateRole } from '@/nodes/sdk';
import type { TDebateMessage, TDebateTranscript, TDebateVerdict } from '../record/ai-records';

/**
 * What a running debate reports, in order, for the Debate Arena's live view (a tRPC
 * subscription forwards these as they come): each participant's bubble opens, fills with
 * streamed text, then closes with the parsed stance; then the verdict; then the transcript.
 */
export type TDebateEvent =
  | { type: 'debate-started'; debateId: string; symbol: string; rounds: number; participants: Array<{ role: TDebateRole; provider: string; model: string; speaker: string }> }
  | { type: 'message-started'; debateId: string; round: number; participant: number }
  | { type: 'message-delta'; debateId: string; round: number; participant: number; text: string }
  | { type: 'message-finished'; debateId: string; message: TDebateMessage }
  | { type: 'judge-started'; debateId: string }
  | { type: 'verdict'; debateId: string; verdict: TDebateVerdict }
  | { type: 'debate-finished'; debateId: string; transcript: TDebateTranscript };
