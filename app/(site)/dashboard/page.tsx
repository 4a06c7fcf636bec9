import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/viewer";

// Where signing in lands: each role's own start page.
export default async function Dashboard() {
  const viewer = await requireViewer("/dashboard", { supportedSession: "allowed" });
  redirect(viewer.role === "admin" ? "/admin" : viewer.role === "trainer" ? "/trainer" : "/my");
}
