"use client";
/**
 * Drag and drop for the question list, loaded on the first touch, pointer move, key or scroll, or
 * when someone reaches for a handle (see QuestionList): dnd-kit costs nothing on the page's first load.
 *
 * It renders no markup of its own: for each question shown it runs dnd-kit's `useSortable` and hands
 * the result to the card through the drag store, so arriving late never remounts a card (an answer
 * being typed, or focus on a handle, survives).
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { useLayoutEffect } from "react";
import type { DragStore } from "./drag-handle";

export function QuestionSortable({
  groups,
  store,
  announcements,
  instructions,
  onDragEnd,
}: {
  /** The ids of each group shown, in order: a question moves only within its group. */
  groups: { key: string; ids: string[] }[];
  store: DragStore;
  announcements: Announcements;
  instructions: string;
  onDragEnd: (event: DragEndEvent) => void;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  return (
    <DndContext
      id="question-order"
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
    >
      {groups.map(({ key, ids }) => (
        <SortableContext key={key} items={ids} strategy={verticalListSortingStrategy}>
          {ids.map((id) => (
            <SortableBinding key={id} id={id} store={store} />
          ))}
        </SortableContext>
      ))}
    </DndContext>
  );
}

/** One question's `useSortable`, published to its card before the browser paints. */
function SortableBinding({ id, store }: { id: string; store: DragStore }) {
  const t = useTranslations("questions.list.drag");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    attributes: { roleDescription: t("roleDescription") },
  });
  useLayoutEffect(() => {
    store.set(id, {
      handle: { ref: setActivatorNodeRef, ...attributes, ...listeners },
      setNodeRef,
      style: { transform: CSS.Translate.toString(transform), transition },
      isDragging,
    });
  });
  useLayoutEffect(() => () => store.delete(id), [id, store]);
  return null;
}
