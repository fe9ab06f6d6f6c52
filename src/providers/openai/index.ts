/** The OpenAI interviewer and scorer. The only part of Screener that imports the `openai` SDK. */
export {
  createOpenAIProvider,
  DEFAULT_OPENAI_MODEL,
  DEFAULT_SEED,
  OPENAI_PROVIDER_ID,
  type OpenAIProviderOptions,
} from './provider.js';
export { PROMPT_VERSION } from './prompts/common.js';
