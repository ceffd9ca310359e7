import { z } from 'zod';
import { defineNode, port, type TAnyNodeDefinition } from '../sdk';

/**
 * Candlestick patterns as signal nodes, written from TA-Lib's published definitions (the
 * CDL* functions of TA-Lib 0.4): "long", "short", "doji", "near" and so on are not fixed
 * ratios but multiples of the average candle over the previous bars, TA-Lib's default
 * candle settings:
 *
 * | setting          | measured on        | average over | factor |
 * | ---------------- | ------------------ | ------------ | ------ |
 * | BodyLong         | real body          | 10 bars      | 1.0    |
 * | BodyShort        | real body          | 10 bars      | 1.0    |
 * | BodyDoji         | high − low         | 10 bars      | 0.1    |
 * | ShadowLong       | real body          | this bar     | 1.0    |
 * | ShadowVeryShort  | high − low         | 10 bars      | 0.1    |
 * | Near             | high − low         | 5 bars       | 0.2    |
 * | Far              | high − low         | 5 bars       | 0.6    |
 *
 * The average for a candle covers the bars before it (not the candle itself). Own code; TA-Lib
 * keeps running totals where this sums the (at most 10) bars directly, which can differ only in
 * the last bit of a value exactly on a threshold. Patterns do not judge the prior trend (TA-Lib
 * neither): a hammer is a shape, whether it comes after a fall is for the graph to check.
 */

interface TSetting {
  range: 'body' | 'hl' | 'shadows';
  period: number;
  factor: number;
}

const BODY_LONG: TSetting = { range: 'body', period: 10, factor: 1.0 };
const BODY_SHORT: TSetting = { range: 'body', period: 10, factor: 1.0 };
const BODY_DOJI: TSetting = { range: 'hl', period: 10, factor: 0.1 };
const SHADOW_LONG: TSetting = { range: 'body', period: 0, factor: 1.0 };
const SHADOW_VERY_SHORT: TSetting = { range: 'hl', period: 10, factor: 0.1 };
const NEAR: TSetting = { range: 'hl', period: 5, factor: 0.2 };
const FAR: TSetting = { range: 'hl', period: 5, factor: 0.6 };

const HISTORY = 16; // longest lookback (13) + 1, rounded up

/** The last bars' OHLC, newest at ago 0, with TA-Lib's candle measures. */
export class CandleHistory {
  private readonly o = new Float64Array(HISTORY);
  private readonly h = new Float64Array(HISTORY);
  private readonly l = new Float64Array(HISTORY);
  private readonly c = new Float64Array(HISTORY);
  private head = -1;
  count = 0;

  push(open: number, high: number, low: number, close: number): void {
    this.head = this.head + 1 === HISTORY ? 0 : this.head + 1;
    this.o[this.head] = open;
    this.h[this.head] = high;
    this.l[this.head] = low;
    this.c[this.head] = close;
    this.count++;
  }

  private at(k: number): number {
    const i = this.head - k;
    return i < 0 ? i + HISTORY : i;
  }

  open(k: number): number {
    return this.o[this.at(k)];
  }
  high(k: number): number {
    return this.h[this.at(k)];
  }
  low(k: number): number {
    return this.l[this.at(k)];
  }
  close(k: number): number {
    return this.c[this.at(k)];
  }
  /** 1 for a white (up or unchanged) candle, −1 for black */
  color(k: number): number {
    return this.close(k) >= this.open(k) ? 1 : -1;
  }
  body(k: number): number {
    return Math.abs(this.close(k) - this.open(k));
  }
  bodyTop(k: number): number {
    return Math.max(this.close(k), this.open(k));
  }
  bodyBottom(k: number): number {
    return Math.min(this.close(k), this.open(k));
  }
  upperShadow(k: number): number {
    return this.high(k) - (this.close(k) >= this.open(k) ? this.close(k) : this.open(k));
  }
  lowerShadow(k: number): number {
    return (this.close(k) >= this.open(k) ? this.open(k) : this.close(k)) - this.low(k);
  }

  private range(s: TSetting, k: number): number {
    if (s.range === 'body') return this.body(k);
    if (s.range === 'hl') return this.high(k) - this.low(k);
    return this.upperShadow(k) + this.lowerShadow(k);
  }

  /** TA_CANDLEAVERAGE: the setting's yardstick for the candle `k` bars ago. */
  avg(s: TSetting, k: number): number {
    let base: number;
    if (s.period === 0) base = this.range(s, k);
    else {
      let sum = 0;
      for (let j = k + s.period; j > k; j--) sum += this.range(s, j);
      base = sum / s.period;
    }
    return (s.factor * base) / (s.range === 'shadows' ? 2.0 : 1.0);
  }
}

const ohlc = { open: port('number'), high: port('number'), low: port('number'), close: port('number') };

/** A one-signal pattern: `test` sees the history once `lookback` earlier bars exist. */
function pattern<P extends z.ZodObject>(opts: {
  name: string;
  label: { en: string; zh: string };
  description: { en: string; zh: string };
  lookback: number;
  params?: P;
  test: (h: CandleHistory, params: z.output<P>) => boolean;
}) {
  const params = (opts.params ?? z.object({})) as P;
  return defineNode({
    type: `candle.${opts.name}`,
    version: 1,
    category: 'indicators',
    kind: 'series',
    label: opts.label,
    description: opts.description,
    inputs: ohlc,
    outputs: { value: port('signal') },
    params,
    warmup: () => opts.lookback,
    init: () => new CandleHistory(),
    step: ({ in: i, params: p, state, out }) => {
      const { open, high, low, close } = i;
      if (open !== open || high !== high || low !== low || close !== close) {
        out.value = false;
        return;
      }
      state.push(open, high, low, close);
      out.value = state.count > opts.lookback && opts.test(state, p as z.output<P>);
    },
  });
}

/** A pattern with a bullish and a bearish form; `test` returns 1, −1 or 0. */
function twoWay(opts: {
  name: string;
  label: { en: string; zh: string };
  description: { en: string; zh: string };
  lookback: number;
  test: (h: CandleHistory) => number;
}) {
  return defineNode({
    type: `candle.${opts.name}`,
    version: 1,
    category: 'indicators',
    kind: 'series',
    label: opts.label,
    description: opts.description,
    inputs: ohlc,
    outputs: { bullish: port('signal', { label: { en: 'Bullish', zh: '看涨' } }), bearish: port('signal', { label: { en: 'Bearish', zh: '看跌' } }) },
    params: z.object({}),
    warmup: () => opts.lookback,
    init: () => new CandleHistory(),
    step: ({ in: i, state, out }) => {
      const { open, high, low, close } = i;
      out.bullish = out.bearish = false;
      if (open !== open || high !== high || low !== low || close !== close) return;
      state.push(open, high, low, close);
      if (state.count <= opts.lookback) return;
      const d = opts.test(state);
      out.bullish = d > 0;
      out.bearish = d < 0;
    },
  });
}

export const doji = pattern({
  name: 'doji',
  label: { en: 'Doji', zh: '十字星' },
  description: {
    en: 'TA-Lib CDLDOJI: real body ≤ 10% of the average high−low range of the previous 10 bars.',
    zh: 'TA-Lib CDLDOJI：实体 ≤ 前 10 根平均振幅的 10%。',
  },
  lookback: 10,
  test: (h) => h.body(0) <= h.avg(BODY_DOJI, 0),
});

export const dragonflyDoji = pattern({
  name: 'dragonfly-doji',
  label: { en: 'Dragonfly doji', zh: 'T字线（蜻蜓十字）' },
  description: {
    en: 'TA-Lib CDLDRAGONFLYDOJI: a doji with no (very short) upper shadow and a lower shadow longer than "very short".',
    zh: 'TA-Lib CDLDRAGONFLYDOJI：十字星，几乎无上影线，下影线较长。',
  },
  lookback: 10,
  test: (h) => h.body(0) <= h.avg(BODY_DOJI, 0) && h.upperShadow(0) < h.avg(SHADOW_VERY_SHORT, 0) && h.lowerShadow(0) > h.avg(SHADOW_VERY_SHORT, 0),
});

export const gravestoneDoji = pattern({
  name: 'gravestone-doji',
  label: { en: 'Gravestone doji', zh: '倒T字线（墓碑十字）' },
  description: {
    en: 'TA-Lib CDLGRAVESTONEDOJI: a doji with no (very short) lower shadow and an upper shadow longer than "very short".',
    zh: 'TA-Lib CDLGRAVESTONEDOJI：十字星，几乎无下影线，上影线较长。',
  },
  lookback: 10,
  test: (h) => h.body(0) <= h.avg(BODY_DOJI, 0) && h.lowerShadow(0) < h.avg(SHADOW_VERY_SHORT, 0) && h.upperShadow(0) > h.avg(SHADOW_VERY_SHORT, 0),
});

/** small body, long lower shadow, (almost) no upper shadow */
function hammerShape(h: CandleHistory): boolean {
  return h.body(0) < h.avg(BODY_SHORT, 0) && h.lowerShadow(0) > h.avg(SHADOW_LONG, 0) && h.upperShadow(0) < h.avg(SHADOW_VERY_SHORT, 0);
}

/** small body, long upper shadow, (almost) no lower shadow */
function invertedShape(h: CandleHistory): boolean {
  return h.body(0) < h.avg(BODY_SHORT, 0) && h.upperShadow(0) > h.avg(SHADOW_LONG, 0) && h.lowerShadow(0) < h.avg(SHADOW_VERY_SHORT, 0);
}

export const hammer = pattern({
  name: 'hammer',
  label: { en: 'Hammer', zh: '锤子线' },
  description: {
    en: 'TA-Lib CDLHAMMER: small body, lower shadow longer than the body, (almost) no upper shadow, body at or near the previous bar\'s low. Bullish after a decline.',
    zh: 'TA-Lib CDLHAMMER：小实体，下影线长于实体，几乎无上影线，实体位于或接近前一根的最低价。下跌后看涨。',
  },
  lookback: 11,
  test: (h) => hammerShape(h) && h.bodyBottom(0) <= h.low(1) + h.avg(NEAR, 1),
});

export const hangingMan = pattern({
  name: 'hanging-man',
  label: { en: 'Hanging man', zh: '上吊线' },
  description: {
    en: 'TA-Lib CDLHANGINGMAN: the hammer shape with the body at or near the previous bar\'s high. Bearish after a rise.',
    zh: 'TA-Lib CDLHANGINGMAN：锤子形态，实体位于或接近前一根的最高价。上涨后看跌。',
  },
  lookback: 11,
  test: (h) => hammerShape(h) && h.bodyBottom(0) >= h.high(1) - h.avg(NEAR, 1),
});

export const invertedHammer = pattern({
  name: 'inverted-hammer',
  label: { en: 'Inverted hammer', zh: '倒锤子线' },
  description: {
    en: 'TA-Lib CDLINVERTEDHAMMER: small body, upper shadow longer than the body, (almost) no lower shadow, body gapping below the previous body. Bullish after a decline.',
    zh: 'TA-Lib CDLINVERTEDHAMMER：小实体，上影线长于实体，几乎无下影线，实体向下跳空于前一根实体。下跌后看涨。',
  },
  lookback: 11,
  test: (h) => invertedShape(h) && h.bodyTop(0) < h.bodyBottom(1),
});

export const shootingStar = pattern({
  name: 'shooting-star',
  label: { en: 'Shooting star', zh: '射击之星' },
  description: {
    en: 'TA-Lib CDLSHOOTINGSTAR: the inverted-hammer shape with the body gapping above the previous body. Bearish after a rise.',
    zh: 'TA-Lib CDLSHOOTINGSTAR：倒锤子形态，实体向上跳空于前一根实体。上涨后看跌。',
  },
  lookback: 11,
  test: (h) => invertedShape(h) && h.bodyBottom(0) > h.bodyTop(1),
});

export const engulfing = twoWay({
  name: 'engulfing',
  label: { en: 'Engulfing', zh: '吞没形态' },
  description: {
    en: 'TA-Lib CDLENGULFING (0.4): a white body that strictly engulfs the previous black body (bullish), or a black body that engulfs the previous white one (bearish).',
    zh: 'TA-Lib CDLENGULFING（0.4）：阳线实体完全包住前一根阴线实体（看涨），或阴线包住前一根阳线（看跌）。',
  },
  lookback: 2,
  test: (h) => {
    if (h.color(0) === 1 && h.color(1) === -1 && h.close(0) > h.open(1) && h.open(0) < h.close(1)) return 1;
    if (h.color(0) === -1 && h.color(1) === 1 && h.open(0) > h.close(1) && h.close(0) < h.open(1)) return -1;
    return 0;
  },
});

function haramiTest(second: TSetting) {
  return (h: CandleHistory) => {
    const inside =
      h.body(1) > h.avg(BODY_LONG, 1) && h.body(0) <= h.avg(second, 0) && h.bodyTop(0) < h.bodyTop(1) && h.bodyBottom(0) > h.bodyBottom(1);
    return inside ? -h.color(1) : 0;
  };
}

export const harami = twoWay({
  name: 'harami',
  label: { en: 'Harami', zh: '孕线' },
  description: {
    en: 'TA-Lib CDLHARAMI: a long body followed by a short body strictly inside it; bullish when the long one is black, bearish when white.',
    zh: 'TA-Lib CDLHARAMI：长实体后接一根完全位于其实体内的短实体；长实体为阴线时看涨，为阳线时看跌。',
  },
  lookback: 11,
  test: haramiTest(BODY_SHORT),
});

export const haramiCross = twoWay({
  name: 'harami-cross',
  label: { en: 'Harami cross', zh: '十字孕线' },
  description: {
    en: 'TA-Lib CDLHARAMICROSS: a harami whose second candle is a doji.',
    zh: 'TA-Lib CDLHARAMICROSS：第二根为十字星的孕线。',
  },
  lookback: 11,
  test: haramiTest(BODY_DOJI),
});

const ZPenetration = (fallback: number) =>
  z.object({ penetration: z.number().min(0).max(1).default(fallback).describe('how far the last close must reach into the first body (fraction)') });

export const morningStar = pattern({
  name: 'morning-star',
  label: { en: 'Morning star', zh: '早晨之星' },
  description: {
    en: 'TA-Lib CDLMORNINGSTAR: a long black candle, a short body gapping below it, then a white candle (longer than short) closing above the first close by `penetration` × its body.',
    zh: 'TA-Lib CDLMORNINGSTAR：长阴线，接一根向下跳空的小实体，再接一根（非短）阳线，收盘深入第一根实体 penetration 比例以上。',
  },
  lookback: 12,
  params: ZPenetration(0.3),
  test: (h, p) =>
    h.body(2) > h.avg(BODY_LONG, 2) &&
    h.color(2) === -1 &&
    h.body(1) <= h.avg(BODY_SHORT, 1) &&
    h.bodyTop(1) < h.bodyBottom(2) &&
    h.body(0) > h.avg(BODY_SHORT, 0) &&
    h.color(0) === 1 &&
    h.close(0) > h.close(2) + h.body(2) * p.penetration,
});

export const eveningStar = pattern({
  name: 'evening-star',
  label: { en: 'Evening star', zh: '黄昏之星' },
  description: {
    en: 'TA-Lib CDLEVENINGSTAR: a long white candle, a short body gapping above it, then a black candle (longer than short) closing below the first close by `penetration` × its body.',
    zh: 'TA-Lib CDLEVENINGSTAR：长阳线，接一根向上跳空的小实体，再接一根（非短）阴线，收盘深入第一根实体 penetration 比例以上。',
  },
  lookback: 12,
  params: ZPenetration(0.3),
  test: (h, p) =>
    h.body(2) > h.avg(BODY_LONG, 2) &&
    h.color(2) === 1 &&
    h.body(1) <= h.avg(BODY_SHORT, 1) &&
    h.bodyBottom(1) > h.bodyTop(2) &&
    h.body(0) > h.avg(BODY_SHORT, 0) &&
    h.color(0) === -1 &&
    h.close(0) < h.close(2) - h.body(2) * p.penetration,
});

export const threeWhiteSoldiers = pattern({
  name: 'three-white-soldiers',
  label: { en: 'Three white soldiers', zh: '红三兵' },
  description: {
    en: 'TA-Lib CDL3WHITESOLDIERS: three white candles with rising closes and (almost) no upper shadows, each opening within or near the previous body, none far shorter than the one before, the last not short.',
    zh: 'TA-Lib CDL3WHITESOLDIERS：三根收盘价递升、几乎无上影线的阳线，每根开盘于前一根实体内或附近，实体不明显缩短，最后一根不是短实体。',
  },
  lookback: 12,
  test: (h) =>
    h.color(2) === 1 &&
    h.upperShadow(2) < h.avg(SHADOW_VERY_SHORT, 2) &&
    h.color(1) === 1 &&
    h.upperShadow(1) < h.avg(SHADOW_VERY_SHORT, 1) &&
    h.color(0) === 1 &&
    h.upperShadow(0) < h.avg(SHADOW_VERY_SHORT, 0) &&
    h.close(0) > h.close(1) &&
    h.close(1) > h.close(2) &&
    h.open(1) > h.open(2) &&
    h.open(1) <= h.close(2) + h.avg(NEAR, 2) &&
    h.open(0) > h.open(1) &&
    h.open(0) <= h.close(1) + h.avg(NEAR, 1) &&
    h.body(1) > h.body(2) - h.avg(FAR, 2) &&
    h.body(0) > h.body(1) - h.avg(FAR, 1) &&
    h.body(0) > h.avg(BODY_SHORT, 0),
});

export const threeBlackCrows = pattern({
  name: 'three-black-crows',
  label: { en: 'Three black crows', zh: '三只乌鸦' },
  description: {
    en: 'TA-Lib CDL3BLACKCROWS: after a white candle, three black candles with falling closes and (almost) no lower shadows, each opening inside the previous black body, the first closing below the white candle\'s high.',
    zh: 'TA-Lib CDL3BLACKCROWS：一根阳线后，三根收盘价递降、几乎无下影线的阴线，每根开盘于前一根阴线实体内，第一根收盘低于阳线最高价。',
  },
  lookback: 13,
  test: (h) =>
    h.color(3) === 1 &&
    h.color(2) === -1 &&
    h.lowerShadow(2) < h.avg(SHADOW_VERY_SHORT, 2) &&
    h.color(1) === -1 &&
    h.lowerShadow(1) < h.avg(SHADOW_VERY_SHORT, 1) &&
    h.color(0) === -1 &&
    h.lowerShadow(0) < h.avg(SHADOW_VERY_SHORT, 0) &&
    h.open(1) < h.open(2) &&
    h.open(1) > h.close(2) &&
    h.open(0) < h.open(1) &&
    h.open(0) > h.close(1) &&
    h.high(3) > h.close(2) &&
    h.close(2) > h.close(1) &&
    h.close(1) > h.close(0),
});

export const piercing = pattern({
  name: 'piercing',
  label: { en: 'Piercing line', zh: '刺透形态' },
  description: {
    en: 'TA-Lib CDLPIERCING: a long black candle, then a long white candle opening below its low and closing above its body midpoint but below its open.',
    zh: 'TA-Lib CDLPIERCING：长阴线后接长阳线，开盘低于阴线最低价，收盘高于阴线实体中点但低于其开盘价。',
  },
  lookback: 11,
  test: (h) =>
    h.color(1) === -1 &&
    h.body(1) > h.avg(BODY_LONG, 1) &&
    h.color(0) === 1 &&
    h.body(0) > h.avg(BODY_LONG, 0) &&
    h.open(0) < h.low(1) &&
    h.close(0) < h.open(1) &&
    h.close(0) > h.close(1) + h.body(1) * 0.5,
});

export const darkCloudCover = pattern({
  name: 'dark-cloud-cover',
  label: { en: 'Dark cloud cover', zh: '乌云盖顶' },
  description: {
    en: 'TA-Lib CDLDARKCLOUDCOVER: a long white candle, then a black candle opening above its high and closing into its body by more than `penetration` × the body, above its open.',
    zh: 'TA-Lib CDLDARKCLOUDCOVER：长阳线后接阴线，开盘高于阳线最高价，收盘深入阳线实体超过 penetration 比例，但高于阳线开盘价。',
  },
  lookback: 11,
  params: ZPenetration(0.5),
  test: (h, p) =>
    h.color(1) === 1 &&
    h.body(1) > h.avg(BODY_LONG, 1) &&
    h.color(0) === -1 &&
    h.open(0) > h.high(1) &&
    h.close(0) > h.open(1) &&
    h.close(0) < h.close(1) - h.body(1) * p.penetration,
});

export const marubozu = twoWay({
  name: 'marubozu',
  label: { en: 'Marubozu', zh: '光头光脚线' },
  description: {
    en: 'TA-Lib CDLMARUBOZU: a long body with (almost) no shadows; bullish when white, bearish when black.',
    zh: 'TA-Lib CDLMARUBOZU：长实体且几乎没有上下影线；阳线看涨，阴线看跌。',
  },
  lookback: 10,
  test: (h) =>
    h.body(0) > h.avg(BODY_LONG, 0) && h.upperShadow(0) < h.avg(SHADOW_VERY_SHORT, 0) && h.lowerShadow(0) < h.avg(SHADOW_VERY_SHORT, 0) ? h.color(0) : 0,
});

export const spinningTop = pattern({
  name: 'spinning-top',
  label: { en: 'Spinning top', zh: '纺锤线' },
  description: {
    en: 'TA-Lib CDLSPINNINGTOP: a short body with both shadows longer than the body (indecision).',
    zh: 'TA-Lib CDLSPINNINGTOP：小实体，上下影线都长于实体（多空犹豫）。',
  },
  lookback: 10,
  test: (h) => h.body(0) < h.avg(BODY_SHORT, 0) && h.upperShadow(0) > h.body(0) && h.lowerShadow(0) > h.body(0),
});

export const CANDLE_PATTERN_NODES: readonly TAnyNodeDefinition[] = [
  doji,
  dragonflyDoji,
  gravestoneDoji,
  hammer,
  hangingMan,
  invertedHammer,
  shootingStar,
  engulfing,
  harami,
  haramiCross,
  morningStar,
  eveningStar,
  threeWhiteSoldiers,
  threeBlackCrows,
  piercing,
  darkCloudCover,
  marubozu,
  spinningTop,
] as unknown as TAnyNodeDefinition[];
