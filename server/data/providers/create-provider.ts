// The provider list: one line per provider.
import { createBinanceProvider } from './binance';
import { createEastmoneyProvider } from './eastmoney';
import { createFutuProvider } from './futu';
import type { TMarketDataProvider, TProviderConfig, TProviderId } from './provider-types';
import { createTushareProvider } from './tushare';
import { createYahooProvider } from './yahoo';

const FACTORIES: Record<TProviderId, (config: TProviderConfig) => TMarketDataProvider> = {
  tushare: createTushareProvider,
  eastmoney: createEastmoneyProvider,
  yahoo: createYahooProvider,
  futu: (config) => createFutuProvider(config),
  binance: createBinanceProvider,
};

export function createProvider(id: TProviderId, config: TProviderConfig): TMarketDataProvider {
  return FACTORIES[id](config);
}

/** Which providers need a credential before they can fetch anything. */
export const NEEDS_CREDENTIAL: Record<TProviderId, boolean> = { tushare: true, eastmoney: false, yahoo: false, futu: true, binance: false };
