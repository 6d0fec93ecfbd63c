import type { Metadata } from "next";
import Link from "next/link";
import { ComparisonGrid } from "@/components/comparison/comparison-grid";
import { api } from "@/server/caller";
import { roleAtLeast } from "@/lib/member";
import { visitSection } from "../visit-section";
import { JumpTo } from "@/components/layout/jump-to";

export const metadata: Metadata = { title: "Compare" };

type Props = { params: Promise<{ caseId: string }> };

/** "They agree on 2 aspects, differ on 1, not sure yet on 0, 5 not marked yet." */
function summarySentence({ agree, differ, unsure, unmarked }: { agree: number; differ: number; unsure: number; unmarked: number }) {
  return `They agree on ${agree} ${agree === 1 ? "aspect" : "aspects"}, differ on ${differ}, not sure yet on ${unsure}, ${unmarked} not marked yet.`;
}

export default async function ComparePage({ params }: Props) {
  const { caseId } = await params;
  const theCase = await visitSection(caseId, "compare");
  const grid = await (await api()).comparison.grid({ caseId });
  const canEdit = roleAtLeast(theCase.myRole, "supporter");

  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-3xl font-bold">Compare the opinions</h1>
        <p className="mt-2 max-w-3xl text-muted">
          Write down what each clinician said on the same few points, then mark where they agree and where they
          differ. It helps you see what to ask next. SecondLook does not judge which opinion is better.
        </p>
        {grid.opinions.length >= 2 && <JumpTo href="#grid-title">Go to the comparison</JumpTo>}
      </div>

      {grid.opinions.length < 2 ? (
        <section aria-labelledby="need-two-title" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="need-two-title" className="text-2xl font-semibold">
            The comparison needs two opinions or more
          </h2>
          <p>
            {grid.opinions.length === 0
              ? "There are no opinions in this case yet."
              : `So far there is one opinion: ${grid.opinions[0]?.label ?? ""}.`}{" "}
            Once a second one is added, it appears here beside the first, one column each.
          </p>
          <p>
            <Link href={`/cases/${caseId}/opinions`}>
              {canEdit ? "Add an opinion on the Opinions page" : "Go to the Opinions page"}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="summary-title" className="flex flex-col gap-3 rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
            <h2 id="summary-title" className="text-xl font-semibold">
              Where the opinions stand
            </h2>
            <p aria-live="polite" className="text-lg font-semibold">
              {summarySentence(grid.summary)}
            </p>
            <p>
              A difference does not mean one clinician is right and the other wrong. They may read the same results
              differently, or weigh risk and timing differently. Differences are good places for a clarifying
              question.
            </p>
          </section>

          <section aria-labelledby="grid-title" className="flex flex-col gap-4">
            <div>
              <h2 id="grid-title" className="text-2xl font-semibold">
                The comparison
              </h2>
              <p className="mt-1 text-muted">
                {canEdit
                  ? "Anyone helping with this case can fill in the entries. Each one shows who changed it last."
                  : "You can read the comparison. The owner and supporters fill it in."}
              </p>
            </div>
            <ComparisonGrid caseId={caseId} grid={grid} canEdit={canEdit} />
          </section>
        </>
      )}
    </div>
  );
}
