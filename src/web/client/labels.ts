// Names the page gives to seats, stances and statuses. Pure.
import type { Lane, Participant } from "./view-model.js";

export const LANE_LABELS: Record<Lane, string> = {
  drafter: "Drafter",
  customer: "Customer",
  engineer: "Skeptical engineer",
  finance: "Finance partner",
  leader: "Leader (bar raiser)",
  rubric: "Rubric check",
  system: "Meeting",
};

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

export const STANCE_LABELS = { fund: "Fund", kill: "Kill", undecided: "Undecided" } as const;
