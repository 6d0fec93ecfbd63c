import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">We could not find that page</h1>
      <p className="mt-3 text-muted">
        It may have moved, or you may not have access to it. If someone shared a link with you, ask them to check it.
      </p>
      <p className="mt-4">
        <Link href="/">Go to the start page</Link>
      </p>
    </div>
  );
}
