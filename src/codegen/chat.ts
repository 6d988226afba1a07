// The shapes every part of generation shares: chat messages, one request to a
// model (everything that decides its reply, and so its cache key) and a reply
// with its token counts.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  temperature: number;
  maxTokens: number;
  /**
   * Which draw this is among requests with the same messages: the sample
   * index of a first attempt, or the parent and child number of a refinement.
   * Two draws differ in their cache key, so each gets its own reply.
   */
  sample: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatReply {
  content: string;
  usage: TokenUsage;
  /** "stop", "length" (cut by max tokens), ... as the server says. */
  finishReason: string | null;
}

/** A source of replies: the network provider, or the cache in front of it. */
export interface ChatBackend {
  complete(request: ChatRequest): Promise<ChatReply>;
  /** What the backend spent, when it talks to a model. */
  readonly stats?: { retries: number; promptTokens: number; completionTokens: number };
}
