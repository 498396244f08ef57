import { ledgerContract } from "../../test/helpers/ledger-contract.js";
import { MemoryRunLedger } from "./memory-ledger.js";

// The same contract suite as the Redis ledger (test/int/redis-ledger.int.test.ts).
ledgerContract("memory", ({ now, checkpoints }) => new MemoryRunLedger({ now, checkpoints }));
