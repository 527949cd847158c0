import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

/**
 * The app's icons, from public/: an SVG for a light and for a dark browser theme, favicon.ico for
 * whatever asks for it by name, and a PNG for iOS home screens (scripts/make-icons.ts makes the
 * raster ones from the light SVG).
 */
const icons: Metadata["icons"] = {
  icon: [
    { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
    { url: "/icon-light.svg", type: "image/svg+xml", media: "(prefers-color-scheme: light)" },
    { url: "/icon-dark.svg", type: "image/svg+xml", media: "(prefers-color-scheme: dark)" },
  ],
  apple: { url: "/apple-icon.png", sizes: "180x180", type: "image/png" },
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("appName"), description: t("appDescription"), icons };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        {/* Rendered on the server, it hands the request's language, texts and time zone to client components. */}
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
