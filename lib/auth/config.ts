import "server-only";
// Auth.js (next-auth v5) set-up. Both ways in are Credentials providers that end in a row in our
// sessions table; the cookie is an Auth.js JWT carrying only that session's id ("sid"). Every
// request checks the row (lib/auth/viewer.ts), so signing out or being deactivated ends the
// session on the server, not only in the browser.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkPassword, consumeSignInLink } from "./credentials";
import { authSecret } from "./secret";
import { endSession, SESSION_HOURS } from "./sessions";

class Throttled extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  // Host checks belong to the reverse proxy in front of the site; SITE_URL builds every link we send.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      async authorize(input) {
        const email = typeof input.email === "string" ? input.email : "";
        const password = typeof input.password === "string" ? input.password : "";
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const result = await checkPassword(email, password);
        if (!result.ok) {
          if (result.reason === "throttled") throw new Throttled();
          return null;
        }
        const { personId, sessionId, name, email: address } = result.signedIn;
        return { id: String(personId), name, email: address, sid: sessionId };
      },
    }),
    Credentials({
      id: "email-link",
      credentials: { token: {} },
      async authorize(input) {
        const result = await consumeSignInLink(input.token);
        if (!result.ok) return null;
        const { personId, sessionId, name, email } = result.signedIn;
        return { id: String(personId), name, email, sid: sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
}));
