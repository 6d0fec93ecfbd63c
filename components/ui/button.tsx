import type { ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "quiet" | "danger";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-ink hover:bg-slate-100 disabled:text-slate-400",
  quiet: "text-brand-700 underline underline-offset-2 hover:text-brand-800",
  danger: "bg-danger text-white hover:bg-red-800 disabled:bg-slate-400",
};

export function buttonClasses(variant: ButtonVariant = "primary", extra = ""): string {
  const size = variant === "quiet" ? "px-1 py-1" : "px-5 py-2.5 min-h-11";
  return `inline-flex items-center justify-center gap-2 rounded-lg font-semibold no-underline ${size} ${VARIANTS[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
