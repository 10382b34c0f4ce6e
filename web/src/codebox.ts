// "Code this text": paste text, see its events at once (nothing is stored).

import type { Meta } from "./api";
import { api, messageOf } from "./api";
import { clear, h, setStatus, showError } from "./dom";
import { eventCard, legend, renderText, selectMention } from "./highlight";

export function codeView(meta: Meta): HTMLElement {
  const MAX_CHARS = meta.max_text_chars;
  const root = h("section", { class: "view code-view" });
  const text = h("textarea", {
    name: "text",
    rows: 10,
    maxlength: MAX_CHARS,
    placeholder: "Paste a news paragraph here; its events appear below as you type.",
    "aria-label": "Text to code",
  });
  const date = h("input", { type: "date", name: "date", "aria-label": "Publication date" });
  const count = h("span", { class: "count" }, `0 / ${MAX_CHARS}`);
  const out = h("div", { class: "article-grid code-results" });
  let seq = 0;
  let timer: number | undefined;

  const run = async () => {
    window.clearTimeout(timer);
    const body = text.value;
    const mine = ++seq;
    if (!body.trim()) {
      clear(out);
      setStatus("");
      return;
    }
    setStatus("Coding…");
    try {
      const r = await api.code(body, date.value);
      if (mine !== seq) return;
      clear(out);
      const pick = (id: string) => selectMention(out, id);
      const cards = h("div", { class: "panel panel-cards" }, h("h2", {}, `Events (${r.mentions.length})`));
      for (const m of r.mentions) cards.append(eventCard(m, null, pick));
      if (!r.mentions.length) cards.append(h("p", { class: "empty" }, "No events found in this text."));
      out.append(h("div", { class: "panel panel-text" }, legend(), renderText(r.text, r.spans, pick)), cards);
      setStatus(`${r.mentions.length} events`);
    } catch (err) {
      if (mine !== seq) return;
      clear(out);
      showError(out, messageOf(err));
    }
  };
  text.addEventListener("input", () => {
    count.textContent = `${text.value.length} / ${MAX_CHARS}`;
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 700);
  });
  text.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) void run();
  });
  date.addEventListener("change", () => void run());
  root.append(
    h(
      "div",
      { class: "panel" },
      h("h2", {}, "Code this text"),
      h(
        "p",
        { class: meta.coder_available ? "hint" : "error" },
        meta.coder_available
          ? "The text is coded on the server and not stored. Ctrl+Enter codes at once."
          : "This server was started without a coder: coding is not available.",
      ),
      text,
      h(
        "div",
        { class: "code-controls" },
        h("label", { class: "field" }, h("span", {}, "Publication date"), date),
        h("button", { type: "button", onclick: () => void run() }, "Code"),
        count,
      ),
    ),
    out,
  );
  return root;
}
