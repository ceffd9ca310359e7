// Saving a strategy file in the browser: the server builds the JSON (so the format lives in one
// place); the page only turns it into a download.

/** A file name from the strategy name, safe on every OS. */
export function strategyFileName(name: string): string {
  const safe = name.trim().replace(/[\s\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 80);
  return `${safe || 'strategy'}.nofx.json`;
}

export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoke after the click has been handled, or some browsers cancel the download
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
