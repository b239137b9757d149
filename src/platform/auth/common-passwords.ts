/**
 * Passwords of the minimum length or longer that are common in published breach lists or easy to
 * guess in this product's context. Checked case-insensitively.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', 'qwertyuiopas', 'qwertyuiop123',
  'qwerty123456', 'password1234', 'password12345', 'password123456', 'passw0rd1234', 'p@ssw0rd1234',
  'p@ssword1234', 'password!234', 'passwordpassword', 'iloveyou1234', 'abcdefghijkl', 'abc123456789',
  'aaaaaaaaaaaa', '111111111111', '000000000000', '123123123123', '121212121212', 'letmein12345',
  'welcome12345', 'welcome123456', 'admin1234567', 'administrator', 'administrator1', 'adminadmin12',
  'changeme1234', 'qwerty123qwerty', '1q2w3e4r5t6y', '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'zaq12wsxcde3',
  'asdfghjkl123', 'zxcvbnm12345', 'asdfasdfasdf', 'football1234', 'baseball1234', 'basketball12',
  'superman1234', 'starwars1234', 'sunshine1234', 'princess1234', 'dragon123456', 'monkey123456',
  'shadow123456', 'master123456', 'michael12345', 'jennifer1234', 'trustno11234', 'whatever1234',
  'computer1234', 'internet1234', '1234qwerasdf', 'qwerasdfzxcv', '987654321098', '098765432109',
  '0987654321qw', '11111111111111', '12341234123412', 'sakura123456', 'tokyo1234567', 'nippon123456',
  'japan1234567', 'pokemon12345', 'doraemon1234', 'sendai123456', 'sendaishi123', 'jimukyoku123',
  'jimukyoku1234', 'campaign1234', 'password0000', 'passwordpass', 'password2024', 'password2025',
  'password2026', 'summer202412', 'winter202412', 'spring202412', 'autumn202412', 'qwerty2024!!',
  'qwerty2025!!', '1234567890ab', 'abcd12345678', '123456abcdef', 'abcdef123456', 'a1b2c3d4e5f6',
  '1a2b3c4d5e6f', '147258369147', '159753159753', '741852963741', '135792468013',
]);
