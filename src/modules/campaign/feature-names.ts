import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';

/**
 * English names of the features most campaigns use (the default list and the demo's), so the
 * English pages need no setting for them. A program names its own in `facilityFeaturesEn`, which wins.
 */
const COMMON_FEATURES_EN: Record<string, string> = {
  駐車場あり: 'Parking',
  駐車場: 'Parking',
  '温泉・大浴場': 'Hot spring / large bath',
  温泉: 'Hot spring',
  大浴場: 'Large bath',
  朝食付きプラン: 'Breakfast plans',
  朝食付き: 'Breakfast included',
  バリアフリー対応: 'Barrier-free',
  バリアフリー: 'Barrier-free',
  ペット可: 'Pets allowed',
  駅から徒歩5分以内: 'Within 5 minutes on foot from a station',
  駅近: 'Near a station',
  外国語対応: 'Staff speak foreign languages',
  'Wi-Fi': 'Wi-Fi',
  禁煙室: 'Non-smoking rooms',
  和室: 'Japanese-style rooms',
  キッチン付き: 'Kitchen',
  貸切風呂: 'Private bath',
};

/** A feature's English name, or undefined when neither the program nor the common list has one (show it as it is). */
export function featureNameEn(program: Program, feature: string): string | undefined {
  return programSetting<Record<string, string>>(program, 'facilityFeaturesEn', {})[feature] ?? COMMON_FEATURES_EN[feature];
}
