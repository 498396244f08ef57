// Names the page gives to seats, stances and statuses. Pure.
import type { Door, Stage } from "../../domain/analysis.js";
import type { DraftSource } from "../../domain/events.js";
import type { Stance } from "../../domain/review.js";
import { ROLE_IDS, ROLES, type RoleId } from "../../domain/roles.js";
import type { Lane, Participant } from "./view-model.js";

export const LANE_LABELS: Record<Lane, string> = {
  ...(Object.fromEntries(ROLE_IDS.map((r) => [r, ROLES[r].title])) as Record<RoleId, string>),
  rubric: "Rubric check",
  system: "Meeting",
};

/** What the page calls a version the author wrote (a PR/FAQ submitted as the document): theirs, not the drafter's. */
export const AUTHOR_LABEL = "Your document";

/** A round's title: "Round 2 of 3", and for a round that reviews the author's own PR/FAQ "Round 1 of 3: your document". */
export function roundTitle(entry: { round: number; rounds: number; source: DraftSource }): string {
  return `Round ${entry.round} of ${entry.rounds}${entry.source === "author" ? ": your document" : ""}`;
}

/** What a participant is doing while it works. */
export function thinkingVerb(p: Pick<Participant, "lane">): string {
  switch (p.lane) {
    case "drafter":
      return "is writing";
    case "leader":
      return "is deciding";
    default:
      return "is reading";
  }
}

/** A stance's chip; an abstaining seat is not a vote, and says so. */
export const STANCE_LABELS: Record<Stance, string> = { fund: "Fund", kill: "Kill", undecided: "Undecided", abstain: "Abstains" };

export const STAGE_LABELS: Record<Stage, string> = { hypothesis: "Hypothesis", validated: "Validated", growth: "Growth" };

export const DOOR_LABELS: Record<Door, string> = { "one-way": "One-way door", "two-way": "Two-way door" };
