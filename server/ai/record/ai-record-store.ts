import type { TDebateTranscript, TDecisionRecord } from './ai-records';

/**
 * Where decisions and debate transcripts go. The kernel's port writes through this interface;
 * the in-memory store serves tests, the CLI and runs whose results are kept elsewhere; a
 * database-backed store (AiDecision / AiDebate tables) implements the same two methods.
 */
export interface TAiRecordStore {
  saveDecision(record: TDecisionRecord): Promise<void>;
  saveTranscript(transcript: TDebateTranscript): Promise<void>;
}

export interface TMemoryAiRecordStore extends TAiRecordStore {
  readonly decisions: TDecisionRecord[];
  readonly transcripts: Map<string, TDebateTranscript>;
}

export function createMemoryAiRecordStore(): TMemoryAiRecordStore {
  const decisions: TDecisionRecord[] = [];
  const transcripts = new Map<string, TDebateTranscript>();
  return {
    decisions,
    transcripts,
    async saveDecision(record) {
      decisions.push(record);
    },
    async saveTranscript(transcript) {
      transcripts.set(transcript.id, transcript);
    },
  };
}
