import { GripVertical } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentProps, CSSProperties, Ref } from "react";

/**
 * What the drag-and-drop layer (question-sortable.tsx, loaded late) gives a card: its handle's props
 * and ref, its own ref, and where it is while dragged. Passed through a small store rather than
 * context, so the layer can arrive after the cards without remounting them.
 */
export type DragBinding = {
  handle: ComponentProps<"button"> & { ref: Ref<HTMLButtonElement> };
  setNodeRef: (node: HTMLElement | null) => void;
  style: CSSProperties;
  isDragging: boolean;
};

export type DragStore = ReturnType<typeof createDragStore>;

export function createDragStore() {
  const bindings = new Map<string, DragBinding>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  return {
    get: (id: string) => bindings.get(id),
    set: (id: string, binding: DragBinding) => {
      bindings.set(id, binding);
      changed();
    },
    delete: (id: string) => {
      bindings.delete(id);
      changed();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The grip a question is dragged by: the same button before and after drag and drop has loaded. */
export function DragHandleButton({ label, ...props }: Omit<ComponentProps<"button">, "type"> & { label: string }) {
  const t = useTranslations("questions.item");
  return (
    <button
      type="button"
      aria-label={t("dragLabel", { question: label })}
      className="-my-1 -ml-2 flex min-h-11 min-w-11 cursor-grab touch-none items-center justify-center rounded-lg text-muted hover:bg-slate-100 active:cursor-grabbing"
      {...props}
    >
      <GripVertical aria-hidden className="size-6" />
    </button>
  );
}
