/* A chart's pointer, touch and keyboard input, turned into engine actions,
   and the tooltip the engine asks for. `c` is the chart (chart.js). */
import { el } from "./util.js";
import { swatch } from "./controls.js";

const LEAVE = { type: "leave" };

/* Pointer: what it does, the engine decides (a press, the moves while held
   and the release are one gesture there: a click, or a drag that zooms a
   trend). Returns what stops listening to the document. */
export function listenPointer(c) {
  const { stage, base, apply, guard } = c;
  let pressed = null; /* the pointer held down */
  const at = (event) => {
    const rect = base.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const on = (type, fn) => stage.addEventListener(type, guard(fn));
  on("pointerdown", (event) => {
    if (event.button !== 0) return;
    pressed = event.pointerId;
    apply(Object.assign({ type: "press" }, at(event)));
    if (event.pointerType !== "touch") stage.setPointerCapture(event.pointerId);
  });
  on("pointermove", (event) => {
    if (pressed === null || pressed === event.pointerId) apply(Object.assign({ type: "pointer" }, at(event)));
  });
  on("pointerup", (event) => {
    if (pressed !== event.pointerId) return;
    pressed = null;
    apply(Object.assign({ type: "release" }, at(event)));
  });
  on("pointercancel", () => {
    /* The browser took the gesture (a page scroll): drop it. */
    pressed = null;
    apply(LEAVE);
  });
  on("dblclick", () => apply({ type: "doubleClick" }));
  on("pointerleave", (event) => {
    if (event.pointerType === "touch" || pressed !== null) return; /* a tap keeps its tooltip */
    apply(LEAVE);
  });
  /* A tap outside the chart hides its tooltip. */
  const outside = guard((event) => {
    if (!stage.contains(event.target) && !c.tip.hidden) apply(LEAVE);
  });
  document.addEventListener("pointerdown", outside);
  /* Escape hides a hover tooltip wherever the focus is (WCAG 1.4.13). */
  const escape = guard((event) => {
    if (event.key === "Escape" && !c.tip.hidden && event.target !== base) apply(LEAVE);
  });
  document.addEventListener("keydown", escape);
  return () => {
    document.removeEventListener("pointerdown", outside);
    document.removeEventListener("keydown", escape);
  };
}

/* The canvas' keys, as the engine reads them; leaving it ends a key's selection. */
export function listenKeys(c) {
  const { base, engine, guard } = c;
  base.addEventListener("keydown", guard((event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const changed = engine.key(event.key);
    if (changed === undefined) return;
    event.preventDefault();
    c.handle(changed);
  }));
  base.addEventListener("blur", guard(() => c.handle(engine.key("Escape"))));
}

/* The tooltip `t` (ChartEngine.tooltip()), or none. */
export function showTip(c, t) {
  const tip = c.tip;
  if (!t) {
    tip.hidden = true;
    c.tipText = null;
    return;
  }
  /* The same tooltip as before (the pointer moved within one year or bar):
     keep the DOM, only move it. */
  if (tip.hidden || c.tipText !== t.announcement) {
    c.tipText = t.announcement;
    tip.textContent = "";
    tip.appendChild(el("div", "heading", t.heading));
    for (const r of t.rows) {
      const row = el("div", "row");
      const label = el("span", "label");
      if (r.color) label.appendChild(swatch(r.color));
      label.appendChild(document.createTextNode(r.label));
      /* A number never wraps; a text value (a group's name) may. */
      row.append(label, el("span", r.numeric ? "value num" : "value", r.value));
      tip.appendChild(row);
    }
  }
  tip.hidden = false;
  const stageW = c.stage.clientWidth;
  let left = t.x + 14;
  if (left + tip.offsetWidth > stageW) left = Math.max(0, t.x - 14 - tip.offsetWidth);
  tip.style.left = left + "px";
  tip.style.top = Math.max(0, t.y - tip.offsetHeight - 10) + "px";
}
