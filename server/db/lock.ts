import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

/** Raised when another live process already uses the data folder. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

/**
 * Takes an exclusive lock on an embedded database folder, because two
 * processes writing one PGlite folder corrupt it. A lock left behind by a
 * process that no longer runs is taken over. Returns a function that releases it.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, "server.lock");

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, "wx");
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }

    const holder = Number(await readFile(path, "utf8").catch(() => ""));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new DataDirLockedError(
        `${dataDir} is in use by process ${holder}; stop it or set DATA_DIR to another folder`,
      );
    }
    await rm(path, { force: true });
  }
  throw new DataDirLockedError(`could not lock ${dataDir}; remove ${path} if no server is running`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
