import { describe, expect, it } from "vitest";
import { ACTIVITY_ACTIONS, type ActivityRow, activityPage, groupActivity } from "@/lib/activity";
import { activityLabeller } from "@/server/activity-words";

const runLabel = activityLabeller("en");

let n = 0;
/** Entries newest first: each call is one second older than the last. */
function entry(actorId: string | null, action: string, isNews = true): ActivityRow {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    id,
    actorId,
    actorName: actorId ? `Person ${actorId}` : null,
    isNews,
    action,
    label: action,
    summary: `${action} #${n}`,
    entityType: action.split(".")[0]!,
    entityId: null,
    createdAt: new Date(Date.UTC(2025, 0, 1) - n * 1000),
  };
}
const run = (count: number, actorId: string, action: string) => Array.from({ length: count }, () => entry(actorId, action));

describe("runLabel", () => {
  it("says a run in words with its count, and one entry as the feed always has", () => {
    expect(runLabel("note.created", 10)).toBe("wrote 10 notes");
    expect(runLabel("note.created", 1)).toBe("wrote a note");
    expect(runLabel("note.updated", 3)).toBe("edited notes 3 times");
    expect(runLabel("something.unknown", 1)).toBe("something.unknown");
    expect(runLabel("something.unknown", 2)).toBe("something.unknown (2 times)");
  });

  it("says it in the reader's language", () => {
    const spanish = activityLabeller("es");
    expect(spanish("note.created", 1)).toBe("escribió una nota");
    expect(spanish("note.created", 10)).toBe("escribió 10 notas");
    expect(spanish("something.unknown", 2)).toBe("something.unknown (2 veces)");
  });

  it("every action has words for one entry and for a run, in every language", () => {
    for (const locale of ["en", "es"] as const) {
      const label = activityLabeller(locale);
      for (const action of ACTIVITY_ACTIONS) {
        expect(label(action, 1), `${locale} ${action}`).not.toContain(action);
        expect(label(action, 7), `${locale} ${action}`).toContain("7");
      }
    }
  });
});

describe("groupActivity", () => {
  it("groups consecutive entries of one person, action and kind of thing, and no others", () => {
    const rows = [...run(3, "ana", "note.created"), entry("ben", "note.created"), ...run(2, "ana", "note.created"), entry("ana", "question.created")];
    const groups = groupActivity(rows, runLabel);
    expect(groups.map((g) => [g.actorName, g.count, g.label])).toEqual([
      ["Person ana", 3, "wrote 3 notes"],
      ["Person ben", 1, "wrote a note"],
      ["Person ana", 2, "wrote 2 notes"],
      ["Person ana", 1, "added a question"],
    ]);
    expect(groups[0]!.id).toBe(rows[0]!.id);
    expect(groups[0]!.newestAt).toEqual(rows[0]!.createdAt);
    expect(groups[0]!.oldestAt).toEqual(rows[2]!.createdAt);
  });

  it("a former member's entries (no actor) group together, and a group carries its newest entries only", () => {
    const groups = groupActivity(run(8, "x", "file.uploaded").map((r) => ({ ...r, actorId: null, actorName: null })), runLabel);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.count).toBe(8);
    expect(groups[0]!.items).toHaveLength(5);
    expect(groups[0]!.items[0]).not.toHaveProperty("actorId");
  });

  it("marks a group new by its newest entry that is news to the reader", () => {
    const rows = [entry("ana", "note.created", false), entry("ana", "note.created", true), entry("ana", "note.created", true)];
    expect(groupActivity(rows, runLabel)[0]!.newestNewsAt).toEqual(rows[1]!.createdAt);
    expect(groupActivity([entry("me", "note.created", false)], runLabel)[0]!.newestNewsAt).toBeNull();
  });
});

describe("activityPage", () => {
  it("a short feed is one page with no cursor", () => {
    const page = activityPage([entry("ana", "case.created")], runLabel);
    expect(page.groups).toHaveLength(1);
    expect(page.nextCursor).toBeNull();
    expect(activityPage([], runLabel)).toEqual({ groups: [], nextCursor: null });
  });

  it("stops at maxGroups, the cursor being the last entry shown", () => {
    const rows = Array.from({ length: 5 }, (_, i) => entry(i % 2 ? "ana" : "ben", "note.created"));
    const page = activityPage(rows, runLabel, { maxGroups: 3, maxRows: 10 });
    expect(page.groups).toHaveLength(3);
    expect(page.nextCursor).toBe(rows[2]!.id);
  });

  it("never cuts a run at the end of the entries read: the run opens the next page whole", () => {
    const rows = [entry("ben", "question.created"), ...run(6, "ana", "note.created")];
    // Read 4 (+1 to look ahead): Ben's question and three of Ana's six notes.
    const page = activityPage(rows.slice(0, 5), runLabel, { maxGroups: 10, maxRows: 4 });
    expect(page.groups.map((g) => g.count)).toEqual([1]);
    expect(page.nextCursor).toBe(rows[0]!.id);
    const next = activityPage(rows.slice(1, 6), runLabel, { previous: rows[0]!, maxGroups: 10, maxRows: 10 });
    expect(next.groups.map((g) => [g.count, g.continuesLater])).toEqual([[5, false]]);
  });

  it("a run longer than a page's entries says 'and more', and the next page says it continues", () => {
    const rows = run(7, "ana", "note.created");
    const page = activityPage(rows.slice(0, 4), runLabel, { maxRows: 3 });
    expect(page.groups).toHaveLength(1);
    expect(page.groups[0]).toMatchObject({ count: 3, continuesEarlier: true, continuesLater: false });
    expect(page.nextCursor).toBe(rows[2]!.id);
    const next = activityPage(rows.slice(3), runLabel, { previous: rows[2]!, maxRows: 10 });
    expect(next.groups[0]).toMatchObject({ count: 4, continuesEarlier: false, continuesLater: true });
    expect(next.nextCursor).toBeNull();
  });

  it("a run that ends exactly at the entries read is whole when the next entry is another's", () => {
    const rows = [...run(3, "ana", "note.created"), entry("ben", "note.created")];
    const page = activityPage(rows, runLabel, { maxRows: 3 });
    expect(page.groups).toEqual([expect.objectContaining({ count: 3, continuesEarlier: false })]);
    expect(page.nextCursor).toBe(rows[2]!.id);
  });
});
