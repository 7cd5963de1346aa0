/// Passwords of twelve characters or more that appear near the top of published breach lists.
/// Shorter ones are already refused by the length rule. Compared in lower case.
enum CommonPasswords {
    static func contains(_ lowercased: String) -> Bool { list.contains(lowercased) }

    static let list: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789123", "123123123123",
        "111111111111", "000000000000", "123456123456", "987654321012", "password1234",
        "password12345", "password123456", "password2024", "password2025", "password2026",
        "passwordpassword", "password!123", "password@123", "password123!", "mypassword123",
        "qwertyuiop12", "qwertyuiopas", "qwerty123456", "qwertyqwerty", "1qaz2wsx3edc",
        "1q2w3e4r5t6y", "q1w2e3r4t5y6", "zaq12wsxcde3", "asdfghjkl123", "asdfasdfasdf",
        "iloveyou1234", "iloveyouforever", "letmein12345", "letmeinplease", "welcome12345",
        "welcometo2024", "changeme1234", "changemenow!", "administrator", "administrator1",
        "admin1234567", "adminadmin123", "trustno1trustno1", "football1234", "baseball1234",
        "liverpool123", "chelsea12345", "arsenal12345", "manchesterunited", "sunshine1234",
        "princess1234", "superman1234", "batman123456", "starwars1234", "monkey123456",
        "dragon123456", "shadow123456", "michael12345", "jennifer1234", "abcdefghijkl",
        "abcdef123456", "abc123abc123", "abcd1234abcd", "1234abcd1234", "a1b2c3d4e5f6",
        "qazwsxedcrfv", "thequickbrownfox", "correcthorsebatterystaple", "passw0rd1234",
        "p@ssw0rd1234", "p@ssword1234", "summer202020", "winter202020", "spring202020",
        "autumn202020", "internet1234", "computer1234", "whatever1234", "nothing12345",
        "secret123456", "mysecret1234", "alongside123", "alongside2026", "nhsnhsnhsnhs",
        "mentalhealth", "mentalhealth1", "mentalhealth123", "community123", "getmein12345",
        "hello1234567", "helloworld12", "hellohello12", "goodmorning1", "blessed12345",
        "jesus1234567", "lovelove1234", "babygirl1234", "loveyou12345", "unitedkingdom",
        "england12345", "london123456", "qwertyuiop[]", "1234qwerasdf", "zxcvbnm12345",
        "zxcvbnmasdfg", "asdfghjklzxc", "poiuytrewq12", "0987654321qw", "987654321987",
    ]
}
