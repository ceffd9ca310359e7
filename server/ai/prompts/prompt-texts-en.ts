import type { TPromptTexts } from './prompt-texts';

const ANSWER_FORMAT =
  'Answer with one JSON object and nothing else: {"action": "BUY" | "SELL" | "HOLD", "confidence": a number from 0 to 1, "reasoning": "one to three sentences"}. ' +
  'BUY opens or adds to a long position, SELL reduces or closes it (no short selling), HOLD does nothing.';

export const PROMPT_TEXTS_EN: TPromptTexts = {
  decisionSystem: (assetClass) =>
    `You are a disciplined ${assetClass === 'crypto' ? 'crypto' : 'stock'} trading analyst. Decide only from the data given: ` +
    `no news, no knowledge of later prices. Respect the market rules listed. ${ANSWER_FORMAT}`,
  decisionTemplate: {
    stock: `Stock: {{symbol}} {{name}} ({{market}})
Latest bar: {{time}}

Market rules:
{{rules}}

Last {{barCount}} bars, oldest first:
{{bars}}

Indicator values at the latest bar:
{{values}}

Position: {{position}}
Account: {{account}}

An order decided now fills at the next bar's open. What do you do?`,
    crypto: `Pair: {{symbol}} ({{market}})
Latest bar: {{time}}

Market rules:
{{rules}}

Last {{barCount}} bars, oldest first:
{{bars}}

Indicator values at the latest bar:
{{values}}

Position: {{position}}
Account: {{account}}

An order decided now fills at the next bar's open. What do you do?`,
  },
  barsHeader: 'time | open | high | low | close | volume | change',
  noValues: '(none wired)',
  flat: 'flat (no position)',
  position: ({ qty, avgPrice, sellable, pnl, t1Held }) =>
    `long ${qty} at average ${avgPrice}, unrealised ${pnl}; sellable now: ${sellable}${t1Held ? ' (the rest was bought today: T+1)' : ''}`,
  account: ({ cash, equity }) => `cash ${cash}, equity ${equity}`,
  roles: {
    bull: { name: 'Bull', brief: 'Make the strongest evidence-based case for buying or staying long. Concede what is clearly true.' },
    bear: { name: 'Bear', brief: 'Make the strongest evidence-based case against buying, or for selling. Concede what is clearly true.' },
    analyst: { name: 'Analyst', brief: 'Read the price action and indicators without bias and say what they support.' },
    contrarian: { name: 'Contrarian', brief: 'Challenge the consensus of the others: look for what the crowd is missing.' },
    'risk-manager': {
      name: 'Risk Manager',
      brief: 'Focus on the downside: position size, volatility, market rules (T+1, limits, lots). Prefer HOLD when the edge is unclear.',
    },
  },
  debateSystem: (role) =>
    `You are the ${role.name} in a trading debate. ${role.brief} Use only the data given and answer the other side's points from earlier rounds. ` +
    ANSWER_FORMAT.replace('"one to three sentences"', '"your argument, at most 120 words"'),
  debateSoFar: 'The debate so far:',
  debateRound: (round, rounds) => `This is round ${round} of ${rounds}. State your position.`,
  noAnswer: (reason) => `(no answer: ${reason})`,
  judgeSystem:
    'You are the research manager chairing a trading debate. Weigh the arguments on their evidence, not on how many participants made them or how confidently, ' +
    `then decide. ${ANSWER_FORMAT}`,
  judgeAsk: 'Give the final decision.',
};
