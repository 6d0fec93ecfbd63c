import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getSession } from "@/server/auth";

export default async function LandingPage({ searchParams }: { searchParams: Promise<{ accountDeleted?: string }> }) {
  const session = await getSession();
  const accountDeleted = !session && (await searchParams).accountDeleted === "1";
  return (
    <div className="flex flex-col gap-10">
      {accountDeleted && (
        <Notice tone="success">
          <p className="font-semibold">Your account has been deleted.</p>
          <p>
            The cases you owned were deleted with it, and you have been signed out everywhere. Thank you for using
            SecondLook. We hope the decision goes well for you.
          </p>
        </Notice>
      )}
      <section aria-labelledby="landing-title" className="max-w-3xl">
        <h1 id="landing-title" className="text-4xl font-bold sm:text-5xl">
          Thinking about a second opinion? You do not have to sort it out alone.
        </h1>
        <p className="mt-4 text-xl text-muted">
          SecondLook is a private, shared workspace for a patient and the person supporting them. Together you can
          gather your questions and records, keep notes from each visit, lay the opinions side by side, and think
          through the decision at your own pace.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          {session ? (
            <Link href="/cases" className={buttonClasses("primary")}>
              Go to my cases
            </Link>
          ) : (
            <>
              <Link href="/sign-up" className={buttonClasses("primary")}>
                Create a free account
              </Link>
              <Link href="/sign-in" className={buttonClasses("secondary")}>
                Sign in
              </Link>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="what-title" className="grid gap-4 sm:grid-cols-3">
        <h2 id="what-title" className="sr-only">
          What you can do
        </h2>
        {[
          ["Prepare", "Write down what you want to ask, and keep track of the records the new clinician will need."],
          ["Compare", "Note what each clinician said about the diagnosis, the options, the benefits and the risks."],
          ["Reflect", "Each of you writes down what matters most, so the decision fits your own priorities."],
        ].map(([title, text]) => (
          <div key={title} className="rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="text-xl font-semibold">{title}</h3>
            <p className="mt-2 text-muted">{text}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="info-title" className="max-w-3xl rounded-xl border-l-4 border-brand-600 bg-brand-50 p-5">
        <h2 id="info-title" className="text-xl font-semibold">
          Information, not medical advice
        </h2>
        <p className="mt-2">
          SecondLook never recommends a treatment, a clinician or a choice. It helps you organise, ask and compare, so
          your conversations with your care team are clearer. If your situation is an emergency or feels urgent, seek
          care now — call your local emergency number or your care team. A second opinion can come later, once you are
          stable.
        </p>
      </section>
    </div>
  );
}
