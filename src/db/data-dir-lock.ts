import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite allows one process per data dir. The owner writes its pid here; another process that
 * finds a live owner talks to it over the control socket instead of opening the files.
 */
export function lockFile(dataDir: string): string {
  return path.join(dataDir, 'jimukyoku.pid');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live owner, if any. */
export function currentOwner(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dataDir), 'utf8').trim());
    return pid && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function acquireDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const owner = currentOwner(dataDir);
  if (owner) throw new Error(`DATA_DIR ${dataDir} is in use by process ${owner}`);
  fs.writeFileSync(lockFile(dataDir), String(process.pid), { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(lockFile(dataDir), 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile(dataDir));
    } catch {
      /* already gone */
    }
  };
}
