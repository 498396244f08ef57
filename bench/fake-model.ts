// The fake OpenAI-compatible model in a process of its own, as a real model server would be: its CPU
// (parsing requests, building answers) and the bench's own work (reading the SSE streams) then never
// share an event loop. Options come as JSON in FAKE_OPENAI_OPTIONS; GET /_fake/state answers with the
// calls it saw. Started by `startFakeModelProcess` in lib.ts.
import { startFakeOpenAI, type FakeOpenAIOptions } from "../test/helpers/fake-openai.js";

const options = JSON.parse(process.env.FAKE_OPENAI_OPTIONS ?? "{}") as FakeOpenAIOptions;
const fake = await startFakeOpenAI(options);
console.log(`fake model running at ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
