import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "@/components/ui/markdown-text";

const render = (text: string) => renderToStaticMarkup(<MarkdownText text={text} />);

describe("note formatting", () => {
  it("renders light markdown", () => {
    const html = render("**Dr Lee** said *wait*.\n\n- rest\n- ice");
    expect(html).toContain("<strong>Dr Lee</strong>");
    expect(html).toContain("<em>wait</em>");
    expect(html).toContain("<li>rest</li>");
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["an event handler", '<img src=x onerror="alert(1)">'],
    ["an SVG", '<svg onload="alert(1)"></svg>'],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
  ])("never renders raw HTML: %s", (_label, payload) => {
    const html = render(`before ${payload} after`);
    expect(html).not.toMatch(/<(script|img|svg|iframe)/i);
    expect(html).not.toMatch(/onerror|onload/i);
  });

  it.each([
    ["javascript:", "[click](javascript:alert(1))"],
    ["data:", "[click](data:text/html;base64,PHNjcmlwdD4=)"],
    ["vbscript:", "[click](vbscript:msgbox)"],
    ["an autolink", "<javascript:alert(1)>"],
  ])("neutralises %s links", (_label, payload) => {
    const html = render(payload);
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
  });

  it("keeps web links, opening safely", () => {
    expect(render("[guide](https://example.org/a)")).toContain(
      '<a href="https://example.org/a" rel="noopener noreferrer nofollow" target="_blank">guide</a>',
    );
  });

  it("drops images (no requests to outside addresses from a note)", () => {
    expect(render("![x](https://tracker.example/pixel.png)")).not.toContain("<img");
  });
});
