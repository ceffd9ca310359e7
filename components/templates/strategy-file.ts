// Saving a strategy file in the browser: the server builds the JSON (so the format lives in one
// place); the page only turns it into a download.
import { downloadFile } from '@/components/ui/download-file';

/** A file name from the strategy name, safe on every OS. */
export function strategyFileName(name: string): string {
  const safe = name.trim().replace(/[\s\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 80);
  return `${safe || 'strategy'}.nofx.json`;
}

export function downloadJson(fileName: string, value: unknown): void {
  downloadFile(fileName, `${JSON.stringify(value, null, 2)}\n`);
}
