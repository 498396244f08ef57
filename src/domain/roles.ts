/**
 * Every seat of the review meeting, declared once: its id (the agent id, or its prefix for customer seats),
 * the label people read (short, and as a title), what kind of seat it is, and which model setting it uses (`PRFAQ_MODEL_<ROLE>`).
 * Schemas, the graph, both engines, the web page and the CLI read their roles from here.
 *
 * Kinds: `author` writes the document; `reviewer` reads each version in parallel; `chair` weighs the
 * arguments and decides each round; `final` reads the concluded draft once, cold, before the memo, and may
 * veto a fund (the method's bar raiser: someone outside the team who must be convinced on the document alone).
 */
export const ROLES = {
  drafter: { label: "Drafter", title: "Drafter", kind: "author", model: "drafter" },
  customer: { label: "Customer", title: "Customer", kind: "reviewer", model: "customer" },
  engineer: { label: "Engineer", title: "Skeptical engineer", kind: "reviewer", model: "engineer" },
  finance: { label: "Finance", title: "Finance partner", kind: "reviewer", model: "finance" },
  leader: { label: "Leader", title: "Leader", kind: "chair", model: "leader" },
  "bar-raiser": { label: "Bar raiser", title: "Bar raiser (a cold read of the final draft)", kind: "final", model: "leader" },
} as const satisfies Record<string, { label: string; title: string; kind: "author" | "reviewer" | "chair" | "final"; model: string }>;

export type RoleId = keyof typeof ROLES;
export type RoleKind = (typeof ROLES)[RoleId]["kind"];

/** Role ids in the order the meeting seats them. */
export const ROLE_IDS = Object.keys(ROLES) as RoleId[];

type RolesOf<K extends RoleKind> = { [R in RoleId]: (typeof ROLES)[R]["kind"] extends K ? R : never }[RoleId];

/** The roles of one kind of seat, in the order the meeting seats them. */
export function rolesOfKind<K extends RoleKind>(...kinds: K[]): [RolesOf<K>, ...RolesOf<K>[]] {
  return ROLE_IDS.filter((r) => (kinds as RoleKind[]).includes(ROLES[r].kind)) as [RolesOf<K>, ...RolesOf<K>[]];
}

/** The role an agent id belongs to: "customer:harbour-master" is a customer. */
export function roleOfAgent(agent: string): RoleId | undefined {
  const head = agent.split(":")[0] ?? agent;
  return head in ROLES ? (head as RoleId) : undefined;
}

/** Roles whose work is a review (reviewers and final readers): the `role` of a review. */
export const REVIEWING_ROLES = rolesOfKind("reviewer", "final");
export type ReviewingRole = (typeof REVIEWING_ROLES)[number];

/** Roles that read the concluded draft once before the memo. */
export const FINAL_ROLES = rolesOfKind("final");
