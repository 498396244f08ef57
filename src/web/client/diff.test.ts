import { describe, expect, it } from "vitest";
import { diffLines, diffStats, splitLines } from "./diff.js";

const render = (before: string, after: string) =>
  diffLines(before, after).map((l) => `${l.kind === "same" ? " " : l.kind === "added" ? "+" : "-"}${l.text}`);

describe("diffLines", () => {
  it("keeps identical texts as they are", () => {
    expect(render("a\nb", "a\nb")).toEqual([" a", " b"]);
    expect(diffLines("", "")).toEqual([]);
  });

  it("adds everything to an empty text and removes everything from one", () => {
    expect(render("", "a\nb")).toEqual(["+a", "+b"]);
    expect(render("a\nb", "")).toEqual(["-a", "-b"]);
  });

  it("finds a changed line in the middle, removal before addition", () => {
    expect(render("# T\nold line\nend", "# T\nnew line\nend")).toEqual([" # T", "-old line", "+new line", " end"]);
  });

  it("finds insertions and deletions around common lines (longest common subsequence)", () => {
    expect(render("a\nb\nc\nd", "a\nc\nd\ne")).toEqual([" a", "-b", " c", " d", "+e"]);
    expect(render("x\na\ny\nb", "a\nb\nz")).toEqual(["-x", " a", "-y", " b", "+z"]);
  });

  it("keeps every line of both texts, in order", () => {
    const before = "one\ntwo\nthree\nfour\nfive";
    const after = "zero\ntwo\nthree and a half\nfour\nsix";
    const lines = diffLines(before, after);
    expect(lines.filter((l) => l.kind !== "added").map((l) => l.text)).toEqual(splitLines(before));
    expect(lines.filter((l) => l.kind !== "removed").map((l) => l.text)).toEqual(splitLines(after));
    expect(diffStats(lines)).toEqual({ added: 3, removed: 3 });
  });

  it("treats CRLF like LF", () => {
    expect(render("a\r\nb", "a\nb")).toEqual([" a", " b"]);
  });
});
