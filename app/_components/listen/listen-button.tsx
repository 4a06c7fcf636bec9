"use client";

// "Listen to this page": reads the page's main content aloud with the browser's own speech
// synthesis, one sentence at a time, highlighting the sentence being read where the browser has the
// CSS Custom Highlight API. Progressive enhancement: the server renders nothing, and so does a
// browser without speech synthesis or without a voice. It only reads text already on the page (the
// content region marked `data-listen`, else <main>), so a quiz page never says more than it shows.
// No live region: screen-reader users have their own reader; they meet an ordinary group of buttons.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { BLOCK_BREAK, type Sentence, splitSentences } from "./sentences";

// Not read: this control, hidden and aria-hidden parts, navigation and form buttons.
const SKIP = "[data-listen-skip],[aria-hidden=true],[hidden],nav,button,.back-link,.visually-hidden,script,style,noscript,template,svg";
const HIGHLIGHT = "listen";

type Piece = { node: Text; at: number };
type Status = "idle" | "playing" | "paused";

const synth = () => (typeof window !== "undefined" ? window.speechSynthesis : undefined);

/** The voice to use: British English if there is one, else any English, else the default. */
function pickVoice(): SpeechSynthesisVoice | undefined {
  const voices = synth()?.getVoices() ?? [];
  return voices.find((v) => /^en[-_]GB$/i.test(v.lang)) ?? voices.find((v) => /^en\b/i.test(v.lang)) ?? voices.find((v) => v.default) ?? voices[0];
}

function subscribe(onChange: () => void): () => void {
  const s = synth();
  s?.addEventListener?.("voiceschanged", onChange);
  return () => s?.removeEventListener?.("voiceschanged", onChange);
}

/** The page's text, with a break between blocks, and where each text node starts in it. */
function readPage(root: Element): { text: string; pieces: Piece[] } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n instanceof Element
        ? n.matches(SKIP) || (n.checkVisibility ? !n.checkVisibility({ visibilityProperty: true }) : getComputedStyle(n).display === "none")
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
  const blockOf = (n: Node) => {
    let el = n.parentElement;
    while (el && el !== root && /^(inline|contents)$/.test(getComputedStyle(el).display)) el = el.parentElement;
    return el;
  };
  let text = "";
  let block: Element | null = null;
  const pieces: Piece[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const b = blockOf(n);
    if (b !== block) text += BLOCK_BREAK;
    block = b;
    pieces.push({ node: n as Text, at: text.length });
    text += n.nodeValue ?? "";
  }
  return { text, pieces };
}

/** A Range over a sentence's characters, across as many text nodes as it spans. */
function rangeOf(pieces: Piece[], s: Sentence): Range {
  const range = document.createRange();
  const find = (offset: number, isEnd: boolean) => {
    let i = pieces.length - 1;
    while (i > 0 && (isEnd ? pieces[i]!.at >= offset : pieces[i]!.at > offset)) i--;
    const p = pieces[i]!;
    return [p.node, Math.min(Math.max(offset - p.at, 0), p.node.length)] as const;
  };
  range.setStart(...find(s.start, false));
  range.setEnd(...find(s.end, true));
  return range;
}

function highlight(range: Range | null) {
  if (typeof CSS === "undefined" || !CSS.highlights || typeof Highlight === "undefined") return;
  if (range) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
  else CSS.highlights.delete(HIGHLIGHT);
}

export function ListenButton() {
  // The voice's name: null on the server and before the browser has any voice, so nothing renders.
  const voiceName = useSyncExternalStore(subscribe, () => pickVoice()?.name ?? null, () => null);
  const [status, setStatus] = useState<Status>("idle");
  const [rate, setRate] = useState(1);
  const play = useRef<HTMLButtonElement>(null);
  const run = useRef({ token: 0, index: 0, rate: 1, sentences: [] as Sentence[], pieces: [] as Piece[] });

  /** Speak from sentence `index` on. A new token makes any earlier utterance's callbacks no-ops. */
  function speakFrom(index: number) {
    const s = synth();
    const r = run.current;
    const token = ++r.token;
    s?.cancel();
    const step = (i: number) => {
      if (token !== r.token) return;
      const sentence = r.sentences[i];
      r.index = i;
      if (!s || !sentence) {
        stop(false);
        return;
      }
      highlight(rangeOf(r.pieces, sentence));
      const u = new SpeechSynthesisUtterance(sentence.text);
      const voice = pickVoice();
      if (voice) {
        u.voice = voice;
        u.lang = voice.lang;
      }
      u.rate = r.rate;
      u.onend = () => step(i + 1);
      u.onerror = (e) => {
        if (e.error !== "interrupted" && e.error !== "canceled") step(i + 1);
      };
      s.speak(u);
    };
    setStatus("playing");
    step(index);
  }

  function stop(refocus: boolean) {
    run.current.token++;
    synth()?.cancel();
    highlight(null);
    setStatus("idle");
    if (refocus) play.current?.focus();
  }

  function onPlay() {
    if (status === "playing") {
      // Pausing cancels and remembers the sentence: speechSynthesis.pause() is unreliable on
      // Android and stalls long utterances in Chrome. Resume starts that sentence again.
      run.current.token++;
      synth()?.cancel();
      setStatus("paused");
    } else if (status === "paused") {
      speakFrom(run.current.index);
    } else {
      const root = document.querySelector("[data-listen]") ?? document.querySelector("main");
      if (!root) return;
      const { text, pieces } = readPage(root);
      Object.assign(run.current, { sentences: splitSentences(text), pieces });
      speakFrom(0);
    }
  }

  function onRate(next: number) {
    setRate(next);
    run.current.rate = next;
    if (status === "playing") speakFrom(run.current.index);
  }

  // Stop on leaving the page (unmount) and whenever the page is hidden.
  useEffect(() => {
    const r = run.current;
    const onHide = () => {
      if (document.visibilityState === "hidden") {
        r.token++;
        synth()?.cancel();
        highlight(null);
        setStatus((s) => (s === "idle" ? s : "paused"));
      }
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      r.token++;
      synth()?.cancel();
      highlight(null);
    };
  }, []);

  if (!voiceName) return null;
  return (
    <div className="listen no-print" role="group" aria-label="Listen to this page" data-listen-skip="">
      <button type="button" ref={play} className="button button--secondary" onClick={onPlay}>
        {status === "playing" ? "Pause" : status === "paused" ? "Resume" : "Listen to this page"}
      </button>
      {status !== "idle" ? (
        <button type="button" className="button button--secondary" onClick={() => stop(true)}>
          Stop
        </button>
      ) : null}
      <span className="listen__speed" role="group" aria-label="Speed">
        {[
          [1, "Normal speed"],
          [0.8, "Slower"],
        ].map(([value, label]) => (
          <button key={value} type="button" className="button button--link" aria-pressed={rate === value} onClick={() => onRate(value as number)}>
            {label}
          </button>
        ))}
      </span>
    </div>
  );
}
