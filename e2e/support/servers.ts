/** Where the end-to-end servers listen, and the emulator key the app is started with. */
export const emulatorPort = 4110;
export const appPort = 3100;
export const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
export const appUrl = `http://127.0.0.1:${appPort}`;
/** A fixed key so tests can look for it in pages and responses (it must never appear there). */
export const e2eApiKey = "e2e0c0ffee0000000000000000000key";
