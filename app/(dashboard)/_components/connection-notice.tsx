"use client";

import { type ReactNode, createContext, useContext } from "react";

/** What the layout's connection banner already says on this page: nothing, "not connected" or "reconnect". */
export type ConnectionNotice = "notConnected" | "reconnect" | null;

const NoticeContext = createContext<ConnectionNotice>(null);

/**
 * Tells the page below the layout which connection problem its banner already shows, so a page's
 * own error for the same cause points there instead of saying it again (one current message).
 */
export function ConnectionNoticeProvider({ notice, children }: { notice: ConnectionNotice; children: ReactNode }) {
  return <NoticeContext.Provider value={notice}>{children}</NoticeContext.Provider>;
}

export const useConnectionNotice = () => useContext(NoticeContext);
