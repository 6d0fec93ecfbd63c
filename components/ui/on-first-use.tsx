"use client";
import { useTranslations } from "next-intl";
import { lazy, useCallback, useEffect, useRef, useState, type ComponentType, type SyntheticEvent } from "react";
import { flushSync } from "react-dom";
import { hasDrafts } from "@/components/forms/drafts";
import { useDraftOwner } from "@/components/forms/draft-scope";
import { InlineError } from "@/components/ui/inline-error";
import { useInBrowser } from "@/components/ui/use-browser-value";

/**
 * A part that is on screen when a case page loads — a form (react-hook-form with it, ~12 KiB), or
 * controls drawn from the page's data (a record card's actions, the sharing page's member access) —
 * whose code comes the first time someone uses it, not with the page (issue 14, docs/PERFORMANCE.md
 * "Phone").
 *
 * The server renders the part itself, so the page looks and reads the same. On a page load the browser
 * leaves that HTML as it is, without React taking it over; the first focus, tap, change or submit inside
 * it loads the form's code and puts the working form in its place, carrying over what was typed, ticked
 * or dropped on a file input, what is focused (with the cursor) and a pending submit or button press.
 * A form whose case has an unsaved draft on this device loads at once, so the draft comes back as the
 * page opens; so does a part whose data a refresh of the page has changed, so it never shows what is no
 * longer so. Reached by a link within the app (no server HTML to keep), it loads as any lazy part does.
 */
export function onFirstUse<Props extends { caseId: string }>(load: () => Promise<ComponentType<Props>>) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));

  function OnFirstUse(props: Props) {
    const t = useTranslations("common");
    // True only while hydrating server HTML (and on the server); remembered, as it turns false after.
    const hydrating = !useInBrowser();
    const [keepServerHtml] = useState(hydrating);
    const [Loaded, setLoaded] = useState<ComponentType<Props> | null>(null);
    const [failed, setFailed] = useState(false);
    const root = useRef<HTMLDivElement>(null);
    const started = useRef(false);
    const replay = useRef<Replay>({ submit: false, submitter: null, click: null });
    const userId = useDraftOwner();

    const pointerDown = useRef(false);
    const swapWhenUp = useRef<(() => void) | null>(null);

    const start = useCallback(() => {
      if (started.current) return;
      started.current = true;
      setFailed(false);
      load().then(
        (component) => {
          const swap = () => {
            const before = root.current ? capture(root.current) : null;
            flushSync(() => setLoaded(() => component));
            if (root.current && before) restore(root.current, before, replay.current);
          };
          // Mid-tap, the tap's click must still land on what was pressed: swap once it has.
          if (pointerDown.current) swapWhenUp.current = swap;
          else swap();
        },
        () => {
          // Offline or a failed download: the form and its text stay; the next use tries again.
          started.current = false;
          setFailed(true);
        },
      );
    }, []);

    const onPointerDown = () => {
      pointerDown.current = true;
      const up = () => {
        // After the click that follows the release.
        setTimeout(() => {
          pointerDown.current = false;
          swapWhenUp.current?.();
          swapWhenUp.current = null;
        });
      };
      window.addEventListener("pointerup", up, { once: true, capture: true });
      window.addEventListener("pointercancel", up, { once: true, capture: true });
      start();
    };

    // Loaded at once when a draft waits to be put back, or when the page is refreshed with other data (a
    // change by someone else): the server's HTML kept here would show what is no longer so.
    const [served] = useState(() => JSON.stringify(props));
    const current = JSON.stringify(props);
    useEffect(() => {
      if (keepServerHtml && ((userId && hasDrafts(userId, props.caseId)) || current !== served)) start();
    }, [keepServerHtml, userId, props.caseId, current, served, start]);

    if (typeof window === "undefined" || !keepServerHtml) {
      return (
        <div className="contents">
          <Lazy {...props} />
        </div>
      );
    }
    if (Loaded) {
      return (
        <div key="loaded" ref={root} className="contents">
          <Loaded {...props} />
        </div>
      );
    }
    const onSubmit = (event: SyntheticEvent<HTMLDivElement, Event>) => {
      // Not hydrated, the browser would send the form itself: hold it until the code is here.
      event.preventDefault();
      replay.current.submit = true;
      replay.current.submitter = controlIndex(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
      start();
    };
    const onClick = (event: SyntheticEvent<HTMLDivElement>) => {
      const control = event.target instanceof Element ? event.target.closest("button, input[type=file]") : null;
      if (control instanceof HTMLInputElement) {
        // A file chosen here would arrive in the form being replaced: the loaded form's picker opens instead.
        event.preventDefault();
        replay.current.click = controlIndex(event.currentTarget, control);
      } else if (control instanceof HTMLButtonElement && control.type !== "submit") {
        replay.current.click = controlIndex(event.currentTarget, control);
      }
      start();
    };
    return (
      <>
        <div
          key="server"
          ref={root}
          className="contents"
          // React leaves the server's HTML inside as it is until then (it does not hydrate set inner HTML).
          dangerouslySetInnerHTML={{ __html: "" }}
          suppressHydrationWarning
          onFocusCapture={start}
          onPointerDownCapture={onPointerDown}
          onClickCapture={onClick}
          // "input", not "change": React makes change events only for inputs it rendered itself.
          onInputCapture={start}
          onSubmitCapture={onSubmit}
        />
        {failed && <InlineError message={t("formDidNotLoad")} />}
      </>
    );
  }
  return OnFirstUse;
}

const CONTROLS = "input, textarea, select, button";

/** A control's place among the form's controls: the server's and the loaded form's are the same. */
function controlIndex(root: Element, control: Element | null | undefined): number | null {
  if (!control) return null;
  const index = [...root.querySelectorAll(CONTROLS)].indexOf(control);
  return index < 0 ? null : index;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLButtonElement;
/** The server-rendered controls (detached, they keep their values), which had focus, and its cursor. */
type Before = { controls: Control[]; focused: number | null; cursor: [number, number] | null };
type Replay = { submit: boolean; submitter: number | null; click: number | null };

function capture(root: HTMLElement): Before {
  const active = document.activeElement;
  const typed = active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement;
  return {
    controls: [...root.querySelectorAll<Control>(CONTROLS)],
    focused: controlIndex(root, active),
    cursor: typed && active.selectionStart !== null ? [active.selectionStart, active.selectionEnd ?? active.selectionStart] : null,
  };
}

function changedByUser(control: Control): boolean {
  if (control instanceof HTMLInputElement && control.type === "file") return (control.files?.length ?? 0) > 0;
  // With no option marked selected in the HTML, the first one is.
  if (control instanceof HTMLSelectElement) return control.selectedIndex !== Math.max(0, [...control.options].findIndex((option) => option.defaultSelected));
  if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) return control.checked !== control.defaultChecked;
  return !(control instanceof HTMLButtonElement) && control.value !== control.defaultValue;
}

/** Puts what was typed into the loaded form the way typing would (so its state sees it), then the focus. */
function restore(root: HTMLElement, before: Before, replay: Replay) {
  const controls = [...root.querySelectorAll<Control>(CONTROLS)];
  controls.forEach((control, index) => {
    const was = before.controls[index];
    // Only what the person changed: a default the browser works out itself (today, their time zone) stays.
    if (!was || !changedByUser(was) || was.name !== control.name || control instanceof HTMLButtonElement) return;
    if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) {
      if (control.checked !== (was as HTMLInputElement).checked) control.click();
    } else if (control instanceof HTMLInputElement && control.type === "file") {
      // Files dropped on (or given to) the input before its code came: the loaded input gets them, as a choice would.
      control.files = (was as HTMLInputElement).files;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    } else if (control.value !== was.value) {
      // The element's own value setter, so React's change tracking sees a new value.
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control) as object, "value")?.set?.call(control, was.value);
      control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
    }
  });
  const focused = before.focused === null ? undefined : controls[before.focused];
  focused?.focus();
  if (before.cursor && (focused instanceof HTMLTextAreaElement || focused instanceof HTMLInputElement)) {
    try {
      focused.setSelectionRange(...before.cursor);
    } catch {
      // Inputs without a cursor (email, number) refuse a selection.
    }
  }
  if (replay.submit) {
    const submitter = replay.submitter === null ? undefined : controls[replay.submitter];
    const form = submitter?.form ?? root.querySelector("form");
    form?.requestSubmit(submitter instanceof HTMLButtonElement && submitter.type === "submit" ? submitter : undefined);
  } else if (replay.click !== null) {
    controls[replay.click]?.click();
  }
}
