import type { ReactNode } from "react";
import { CourseHeader } from "@/app/_components/site-header";

// Lesson pages and the print view are the same for every signed-in reader, so
// they are rendered once at build time. Nothing here may read the session or the database.
export default function CourseLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <CourseHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
