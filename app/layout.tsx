import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import "@/lib/database"; // where the database is, for pages rendered at build time too

export const metadata: Metadata = {
  title: { default: "Shared Lives training", template: "%s – Shared Lives training" },
  description: "Training on confidentiality and information sharing for Shared Lives carers and staff.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
        <footer className="site-footer">
          <div className="site-footer__inner">
            <p>
              Shared Lives training: an open-source course on confidentiality and information sharing. Course content is
              written from public guidance, credited on each page. <a href="/about">About this course and its sources</a>.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
