#include "sim/internal/names.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace escudo::sim::internal {
namespace {

using S = std::string_view;

// Spanish-speaking countries.
constexpr S kVenMale[] = {"José",     "Luis",    "Carlos",    "Jesús",     "Juan",    "Miguel",
                          "Pedro",    "Jorge",   "Rafael",    "Alejandro", "Daniel",  "Yorman",
                          "Yeferson", "Jhonny",  "Wilmer",    "Franklin",  "Eduardo", "Ángel",
                          "Andrés",   "Kleiver", "Yonaiker",  "Darwin",    "Richard", "Anderson",
                          "Oswaldo",  "Gabriel", "Francisco", "Manuel",    "Roberto"};
constexpr S kVenFemale[] = {"María",    "Yusleidy", "Yelitza", "Carmen",    "Ana",      "Daniela",
                            "Andreína", "Yorgelis", "Génesis", "Mariana",   "Luisana",  "Yuliana",
                            "Rosa",     "Marbelys", "Yolimar", "Dayana",    "Karla",    "Valentina",
                            "Oriana",   "Milagros", "Yesenia", "Alejandra", "Josefina", "Nairobi",
                            "Rosario",  "Mercedes"};
constexpr S kVenFamily[] = {
    "González", "Rodríguez", "Pérez",      "Hernández", "García",   "Martínez",
    "López",    "Sánchez",   "Ramírez",    "Torres",    "Díaz",     "Rojas",
    "Morales",  "Gómez",     "Castillo",   "Jiménez",   "Romero",   "Suárez",
    "Mendoza",  "Medina",    "Herrera",    "Marcano",   "Rivas",    "Parra",
    "Briceño",  "Quintero",  "Colmenares", "Carrillo",  "Graterol", "Escalona",
    "Perdomo",  "Blanco",    "Salazar",    "Peña",      "Acosta",   "Guerrero"};

constexpr S kColMale[] = {"Juan",     "Andrés",    "Santiago",  "Sebastián", "Carlos", "Jhon",
                          "Luis",     "Diego",     "Camilo",    "Jorge",     "Óscar",  "Julián",
                          "Cristian", "Brayan",    "Duván",     "Edwin",     "Fredy",  "Yeison",
                          "Felipe",   "Alexander", "Francisco", "Alejandro", "José",   "Jesús"};
constexpr S kColFemale[] = {"María",    "Luz",    "Paola",   "Diana", "Natalia", "Paula",
                            "Lina",     "Sandra", "Yuli",    "Leidy", "Érika",   "Marcela",
                            "Catalina", "Laura",  "Daniela", "Angie", "Yenny",   "Viviana",
                            "Marleny",  "Yurany", "Rosario", "Isabel"};
constexpr S kColFamily[] = {"Rodríguez", "Gómez",    "González", "Martínez", "García",   "López",
                            "Hernández", "Sánchez",  "Ramírez",  "Pérez",    "Díaz",     "Muñoz",
                            "Rojas",     "Moreno",   "Jiménez",  "Cardona",  "Restrepo", "Montoya",
                            "Ospina",    "Giraldo",  "Quintero", "Valencia", "Mosquera", "Palacios",
                            "Córdoba",   "Rentería", "Murillo",  "Cuesta",   "Arango",   "Zapata",
                            "Vargas",    "Castro"};

constexpr S kEcuMale[] = {"Luis",    "José",   "Carlos",     "Jorge",     "Juan",
                          "Segundo", "Wilson", "Byron",      "Fausto",    "Darwin",
                          "Kevin",   "Bryan",  "Jefferson",  "Santiago",  "Patricio",
                          "Wilmer",  "Edison", "Washington", "Francisco", "Manuel"};
constexpr S kEcuFemale[] = {"María",    "Rosa",    "Mayra",   "Jessica",  "Gabriela", "Karina",
                            "Verónica", "Johanna", "Tatiana", "Nancy",    "Lorena",   "Mishell",
                            "Dayana",   "Gissela", "Blanca",  "Fernanda", "Rosario",  "Dolores"};
constexpr S kEcuFamily[] = {
    "Quishpe",  "Guamán",   "Chiluisa", "Tipán",   "Caiza",  "Yánez",         "Vera",
    "Cedeño",   "Zambrano", "Macías",   "Andrade", "Bravo",  "Villavicencio", "Paredes",
    "Morocho",  "Pilco",    "Toapanta", "Sánchez", "García", "Mendoza",       "Torres",
    "Espinoza", "Moreira",  "Castro",   "Chávez",  "Reyes",  "Ortiz",         "Suárez"};

constexpr S kCubMale[] = {"Yoandry", "Yordanis", "Yasmany", "Osmany", "Alexei", "Raúl",
                          "Ernesto", "Reinier",  "Dayron",  "Yunier", "Adrián", "Lázaro",
                          "Roberto", "Yasiel",   "Leonel",  "Dairon"};
constexpr S kCubFemale[] = {"Yanet",    "Yaneisy", "Yudith",      "Yamilé",  "Dayana",
                            "Lisandra", "Yusimí",  "Marisleidys", "Arianna", "Odalys",
                            "Yaima",    "Lázara",  "Daimarys",    "Yudelkis"};
constexpr S kCubFamily[] = {"Rodríguez",  "González",    "Hernández", "Pérez",    "García",
                            "Díaz",       "Fernández",   "López",     "Martínez", "Sánchez",
                            "Pupo",       "Hechavarría", "Leyva",     "Fonseca",  "Cabrera",
                            "Betancourt", "Reyes",       "Cruz",      "Rivero",   "Ávila",
                            "Batista",    "Cedeño"};

constexpr S kHispanicMale[] = {
    "Juan",   "José",   "Luis",      "Carlos",  "Jorge",   "Miguel",   "Pedro", "Manuel",
    "Diego",  "Javier", "Fernando",  "Ricardo", "Víctor",  "Franklin", "Ramón", "Cristian",
    "Matías", "Wilson", "Francisco", "Ignacio", "Roberto", "Alejandro"};
constexpr S kHispanicFemale[] = {
    "María",   "Rosa",    "Carmen",    "Ana",      "Luz",      "Elena",      "Patricia",
    "Claudia", "Sofía",   "Gabriela",  "Fernanda", "Milagros", "Yesenia",    "Karen",
    "Javiera", "Yajaira", "Guadalupe", "Dolores",  "Rosario",  "Concepción", "Anastasia"};
constexpr S kHispanicFamily[] = {
    "González",  "Rodríguez", "Pérez",  "Hernández", "García", "Martínez", "López", "Sánchez",
    "Ramírez",   "Torres",    "Flores", "Rivera",    "Gómez",  "Díaz",     "Reyes", "Cruz",
    "Morales",   "Vásquez",   "Quispe", "Huamán",    "Mamani", "Muñoz",    "Rojas", "Soto",
    "Contreras", "Silva",     "Santos", "Jiménez",   "Ramos",  "Castillo"};

// Portuguese-speaking countries.
constexpr S kBraMale[] = {"João",    "Pedro",  "Lucas", "Gabriel", "Mateus", "Rafael", "Felipe",
                          "Gustavo", "Thiago", "Bruno", "Carlos",  "José",   "Paulo",  "Kauã"};
constexpr S kBraFemale[] = {"Maria",   "Ana",     "Juliana",  "Fernanda", "Camila",   "Beatriz",
                            "Larissa", "Letícia", "Gabriela", "Amanda",   "Patrícia", "Aline"};
constexpr S kBraFamily[] = {"Silva",    "Santos",  "Oliveira",  "Souza",    "Rodrigues",
                            "Ferreira", "Alves",   "Pereira",   "Lima",     "Gomes",
                            "Costa",    "Ribeiro", "Martins",   "Carvalho", "Almeida",
                            "Lopes",    "Soares",  "Fernandes", "Vieira",   "Barbosa"};
constexpr S kAgoMale[] = {"João",  "António", "Manuel", "Domingos", "Francisco", "Adilson",
                          "Edson", "Mário",   "Paulo",  "Nelson",   "Afonso",    "Bernardo"};
constexpr S kAgoFemale[] = {"Maria", "Ana",      "Isabel",  "Teresa",   "Esperança", "Luzia",
                            "Joana", "Madalena", "Celeste", "Filomena", "Domingas",  "Rosa"};
constexpr S kAgoFamily[] = {"dos Santos", "Fernandes", "Lourenço", "Manuel",
                            "Domingos",   "Sebastião", "Kiala",    "Ngola",
                            "Cassoma",    "Neto",      "Pedro",    "António",
                            "Francisco",  "Mateus",    "Chipenda", "Muanza"};

// Haiti (and French Guiana, whose people in this corridor are mostly of Haitian families).
constexpr S kHtiMale[] = {"Jean",      "Jean-Pierre", "Wilner",  "Jacques",  "Fritzner",
                          "Wisly",     "Emmanuel",    "Ricardo", "Peterson", "Kervens",
                          "Jimmy",     "Stevenson",   "Wilson",  "Frantz",   "Ronald",
                          "Mackenson", "Jean-Robert", "Daniel"};
constexpr S kHtiFemale[] = {"Wideline", "Nadège",  "Marie",       "Rose-Marie", "Guerline",
                            "Mirlande", "Fabiola", "Daphnée",     "Esther",     "Natacha",
                            "Roseline", "Sandra",  "Judith",      "Lovely",     "Naïka",
                            "Mythe",    "Jessica", "Marie-Claire"};
constexpr S kHtiFamily[] = {
    "Joseph",  "Jean-Baptiste", "Pierre",   "Louis",     "Charles",   "Jean",     "Saint-Fleur",
    "Désir",   "François",      "Augustin", "Dorvil",    "Alexis",    "Célestin", "Michel",
    "Étienne", "Paul",          "Baptiste", "Fils-Aimé", "Dorméus",   "Estimé",   "Lafortune",
    "Georges", "Toussaint",     "Noël",     "Moïse",     "Belizaire", "Cadet",    "Exantus"};

// Asia.
constexpr S kChnMale[] = {"Wei",  "Hao", "Jun",    "Lei",    "Jie",    "Tao",
                          "Peng", "Bo",  "Chao",   "Yong",   "Jian",   "Qiang",
                          "Ming", "Hui", "Zhiwei", "Haoran", "Yuxuan", "Zihao"};
constexpr S kChnFemale[] = {"Fang", "Li",  "Na",     "Min",    "Jing", "Yan",   "Ying", "Xiu",
                            "Hong", "Mei", "Xiaoyu", "Yuting", "Lina", "Xinyi", "Jiayi"};
constexpr S kChnFamily[] = {"Wang", "Li",  "Zhang", "Liu", "Chen", "Yang", "Huang",
                            "Zhao", "Wu",  "Zhou",  "Xu",  "Sun",  "Ma",   "Zhu",
                            "Hu",   "Guo", "He",    "Lin", "Gao",  "Luo"};
constexpr S kIndMale[] = {"Rahul",    "Amit",     "Vikram",   "Arjun",     "Rohit",  "Sandeep",
                          "Manpreet", "Gurpreet", "Harpreet", "Jaswinder", "Rajesh", "Suresh",
                          "Anil",     "Deepak",   "Vijay",    "Karan",     "Sunil",  "Ravi"};
constexpr S kIndFemale[] = {"Priya",  "Pooja",  "Anjali", "Neha",  "Simran",  "Manjit", "Harjeet",
                            "Kavita", "Sunita", "Rekha",  "Kiran", "Navneet", "Ritu",   "Divya"};
constexpr S kIndFamily[] = {"Singh",     "Kumar",  "Sharma", "Patel", "Gill",  "Sandhu",
                            "Dhillon",   "Sidhu",  "Brar",   "Yadav", "Gupta", "Verma",
                            "Chaudhary", "Thakur", "Reddy",  "Desai"};
constexpr S kAfgMale[] = {"Ahmad",      "Mohammad", "Abdul",  "Mustafa", "Rahmatullah", "Hamid",
                          "Hamidullah", "Naveed",   "Jawad",  "Sayed",   "Ali",         "Reza",
                          "Farid",      "Wahid",    "Khalid", "Habib"};
constexpr S kAfgFemale[] = {"Fatima",  "Zahra",   "Maryam",   "Sakina",  "Nargis",
                            "Shabnam", "Parwana", "Fereshta", "Mursal",  "Nazanin",
                            "Roya",    "Laila",   "Zarghona", "Mahbooba"};
constexpr S kAfgFamily[] = {"Ahmadi", "Rahimi",    "Karimi",   "Hashimi",   "Sultani",  "Popal",
                            "Wardak", "Stanikzai", "Ahmadzai", "Mohammadi", "Hussaini", "Sadat",
                            "Noori",  "Amiri",     "Haidari",  "Azizi"};
constexpr S kBgdMale[] = {"Mohammad", "Rahim",   "Abdul",    "Rafiqul", "Shahidul",
                          "Kamrul",   "Mizanur", "Jahangir", "Habibur", "Sohel",
                          "Arif",     "Rashed",  "Tanvir"};
constexpr S kBgdFemale[] = {"Nasrin", "Fatema",  "Shirin", "Rokeya",   "Sultana", "Taslima",
                            "Nusrat", "Sumaiya", "Rina",   "Jannatul", "Sharmin"};
constexpr S kBgdFamily[] = {"Islam",  "Hossain",   "Rahman", "Ahmed", "Uddin",  "Khan",  "Miah",
                            "Sarkar", "Chowdhury", "Alam",   "Haque", "Mollah", "Sheikh"};
constexpr S kNplMale[] = {"Ram",     "Hari",  "Krishna", "Bikash",  "Suman",  "Ramesh", "Sunil",
                          "Prakash", "Dipak", "Rajan",   "Santosh", "Bishnu", "Anil"};
constexpr S kNplFemale[] = {"Sita",   "Gita",   "Sunita", "Anita",  "Sabina", "Pooja",
                            "Sarita", "Kamala", "Laxmi",  "Bimala", "Manisha"};
constexpr S kNplFamily[] = {"Shrestha", "Gurung",   "Tamang",   "Thapa",  "Magar",
                            "Rai",      "Limbu",    "Adhikari", "Sharma", "Karki",
                            "Khadka",   "Bhandari", "Poudel",   "Lama",   "Basnet"};
constexpr S kPakMale[] = {"Muhammad", "Ali",    "Hassan",  "Usman",  "Bilal", "Imran",
                          "Asif",     "Kamran", "Zeeshan", "Faisal", "Waqas", "Adnan"};
constexpr S kPakFemale[] = {"Ayesha", "Fatima", "Sana",  "Hina",  "Sadia",
                            "Amna",   "Bushra", "Rabia", "Saima", "Nida"};
constexpr S kPakFamily[] = {"Khan", "Ahmed",    "Ali",   "Hussain", "Butt",  "Malik",  "Qureshi",
                            "Shah", "Chaudhry", "Iqbal", "Raza",    "Javed", "Akhtar", "Mirza"};
constexpr S kLkaMale[] = {"Nimal",  "Kasun",  "Chaminda", "Pradeep", "Tharindu",
                          "Suresh", "Dinesh", "Kumar",    "Prakash", "Sivakumar"};
constexpr S kLkaFemale[] = {"Nadeeka", "Dilani",   "Chathurika", "Sanduni",
                            "Nirosha", "Priyanka", "Kavitha",    "Tharshini"};
constexpr S kLkaFamily[] = {"Perera",     "Fernando",    "Silva",          "Jayasuriya",
                            "Bandara",    "Dissanayake", "Wickramasinghe", "Kumarasamy",
                            "Rajapaksha", "Selvarajah"};
constexpr S kVnmMale[] = {"Minh", "Hùng", "Dũng",  "Tuấn",  "Hoàng", "Nam",
                          "Long", "Phúc", "Quang", "Thành", "Đức",   "Huy"};
constexpr S kVnmFemale[] = {"Linh", "Lan", "Hương",  "Trang", "Mai", "Ngọc",
                            "Thảo", "Hà",  "Phương", "Thu",   "Anh"};
constexpr S kVnmFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh",
                            "Phan",   "Vũ",   "Võ", "Đặng", "Bùi",   "Đỗ"};
constexpr S kCenMale[] = {"Bakhtiyor", "Sardor", "Jasur",   "Aziz",    "Rustam", "Shokhrukh",
                          "Timur",     "Bekzod", "Dilshod", "Ulugbek", "Azamat", "Nurlan"};
constexpr S kCenFemale[] = {"Dilnoza", "Gulnora", "Malika",  "Nigora", "Shakhnoza",
                            "Zarina",  "Madina",  "Aigerim", "Feruza", "Kamola"};
constexpr S kCenFamily[] = {"Karimov", "Rakhimov", "Yusupov", "Abdullaev", "Ismoilov", "Tursunov",
                            "Nazarov", "Mirzaev",  "Saidov",  "Usmonov",   "Aliev",    "Sultanov"};
constexpr S kMidMale[] = {"Mohammad", "Ali",     "Hossein", "Reza",  "Ahmad", "Omar",
                          "Khaled",   "Mahmoud", "Yusuf",   "Hamza", "Amir",  "Karim"};
constexpr S kMidFemale[] = {"Fatemeh", "Zahra", "Maryam", "Sara",  "Nour", "Layla",
                            "Rania",   "Huda",  "Yasmin", "Leila", "Mina"};
constexpr S kMidFamily[] = {"Hosseini", "Mohammadi", "Rezaei",  "Karimi", "Al-Hassan",
                            "Haddad",   "Khalil",    "Nasser",  "Saleh",  "Ibrahim",
                            "Darwish",  "Hamdan",    "Mansour", "Qasim"};

// Africa.
constexpr S kSenMale[] = {"Mamadou", "Moussa",  "Ibrahima", "Cheikh", "Abdoulaye", "Ousmane",
                          "Modou",   "Babacar", "Aliou",    "Pape",   "Serigne",   "Amadou"};
constexpr S kSenFemale[] = {"Fatou", "Aminata",  "Awa",    "Mariama", "Khady",
                            "Ndeye", "Aïssatou", "Coumba", "Astou",   "Sokhna"};
constexpr S kSenFamily[] = {"Diop",  "Ndiaye", "Fall",  "Sow",  "Diallo", "Ba",    "Gueye", "Faye",
                            "Mbaye", "Sarr",   "Cissé", "Seck", "Niang",  "Thiam", "Sy"};
constexpr S kFraAfrMale[] = {"Jean",    "Paul",   "Emmanuel",  "Serge",     "Patrick", "Blaise",
                             "Hervé",   "Franck", "Aboubakar", "Christian", "Junior",  "Arnaud",
                             "Yannick", "Issa",   "Salif",     "Boubacar"};
constexpr S kFraAfrFemale[] = {"Marie",    "Brenda", "Carine",   "Estelle", "Nadège",
                               "Sandrine", "Aïcha",  "Mireille", "Larissa", "Vanessa",
                               "Grâce",    "Mariam", "Rokia"};
constexpr S kFraAfrFamily[] = {"Ngono",    "Mbarga",  "Fotso",   "Nkoulou",   "Kamga",   "Essomba",
                               "Atangana", "Njoya",   "Tagne",   "Manga",     "Onana",   "Ndongo",
                               "Fouda",    "Mabiala", "Malonga", "Ouédraogo", "Traoré",  "Sawadogo",
                               "Koné",     "Camara",  "Keïta",   "Kouassi",   "Agbodjan"};
constexpr S kEngAfrMale[] = {"Kwame",  "Kofi",    "Kwabena", "Yaw",       "Emmanuel",
                             "Samuel", "Chinedu", "Emeka",   "Oluwaseun", "Ibrahim",
                             "Musa",   "Daniel",  "Michael", "Abdul"};
constexpr S kEngAfrFemale[] = {"Ama",      "Akosua", "Abena", "Adwoa",     "Grace",
                               "Blessing", "Chioma", "Ngozi", "Funmilayo", "Aisha",
                               "Esther",   "Joy",    "Mercy"};
constexpr S kEngAfrFamily[] = {"Mensah", "Owusu", "Boateng", "Asante",   "Osei",  "Addo",
                               "Okafor", "Okeke", "Adeyemi", "Ogunleye", "Bello", "Abubakar",
                               "Eze",    "Nwosu", "Agyeman", "Kamara"};
constexpr S kHornMale[] = {"Abdirahman", "Abdullahi", "Mohamed", "Ahmed",    "Hassan",
                           "Yonas",      "Dawit",     "Tesfaye", "Mebrahtu", "Samuel",
                           "Omar",       "Abdi",      "Ibrahim"};
constexpr S kHornFemale[] = {"Hodan", "Fadumo", "Amina", "Asha",   "Hawa", "Hiwot",
                             "Selam", "Senait", "Meron", "Tigist", "Ruth", "Saba"};
constexpr S kHornFamily[] = {"Mohamed", "Ali",    "Hassan",      "Abdi",  "Warsame",
                             "Osman",   "Tesfay", "Gebremedhin", "Haile", "Berhe",
                             "Tekle",   "Kidane", "Ahmed",       "Yusuf"};

// Anyone else.
constexpr S kGenericMale[] = {"Ali",    "John", "Mohamed", "Daniel",  "David", "Joseph",
                              "Samuel", "Adam", "Michael", "Ibrahim", "Alex",  "Martin"};
constexpr S kGenericFemale[] = {"Maria", "Anna",  "Fatima", "Sarah",  "Grace",
                                "Mary",  "Amina", "Elena",  "Esther", "Nina"};
constexpr S kGenericFamily[] = {"Ibrahim", "Hassan", "Daniel", "Joseph", "Martin", "Ali",
                                "Mohamed", "Peter",  "Thomas", "Samuel", "Adams",  "Abdullah"};


// Long tails shared by a language, rarer than the national lists above.
constexpr S kSpanishMaleTail[] = {
    "Alberto",  "Antonio",  "Armando",  "Arturo",   "Benjamín", "César",    "Cristóbal", "Emilio",
    "Enrique",  "Ernesto",  "Esteban",  "Fabián",   "Gerardo",  "Gilberto", "Gonzalo",   "Gregorio",
    "Guillermo", "Gustavo", "Héctor",   "Hugo",     "Humberto", "Iván",     "Jaime",     "Joel",
    "Jonathan", "Leonardo", "Marcos",   "Mario",    "Martín",   "Mauricio", "Nelson",    "Néstor",
    "Omar",     "Orlando",  "Pablo",    "Raúl",     "Reinaldo", "Ramiro",   "Rubén",     "Samuel",
    "Saúl",     "Sergio",   "Simón",    "Tomás",    "Ulises",   "Vicente",  "Wilfredo",  "Yohan",
    "Alexis",   "Argenis",  "Asdrúbal", "Douglas",  "Edgar",    "Efraín",   "Eliécer",   "Freddy",
    "Henry",    "Ismael",   "Johan",    "Leonel",   "Maikel",   "Nerio",    "Nixon",     "Osmar",
    "Rosendo",  "Yender",   "Jairo",    "Elvis",    "Ender",    "Deiby",    "Agustín",   "Aníbal",
    "Bernardo", "Camilo",   "Danny",    "Elías",    "Fidel",    "Germán",   "Hernán",    "Isaac",
    "Joaquín",  "Lisandro", "Marlon",   "Moisés",   "Noel",     "Octavio",  "Próspero",  "Renny",
    "Rigoberto", "Teodoro", "Valentín", "Wladimir", "Yoel",     "Zacarías"};
constexpr S kSpanishFemaleTail[] = {
    "Adriana",  "Alicia",   "Andrea",    "Beatriz",   "Carolina", "Cecilia",  "Cristina", "Elena",
    "Elizabeth", "Esther",  "Eva",       "Fabiola",   "Gloria",   "Graciela", "Irene",    "Isabel",
    "Jacqueline", "Julia",  "Liliana",   "Lorena",    "Lucía",    "Luisa",    "Marisol",  "Marta",
    "Mónica",   "Nancy",    "Norma",     "Olga",      "Raquel",   "Rebeca",   "Rocío",    "Sara",
    "Silvia",   "Sonia",    "Susana",    "Teresa",    "Verónica", "Victoria", "Ximena",   "Yamileth",
    "Yasmín",   "Yolanda",  "Zulay",     "Zoraida",   "Betzabeth", "Deisy",   "Eglis",    "Francys",
    "Glenda",   "Heidy",    "Iraida",    "Johana",    "Keila",    "Lisbeth",  "Maryori",  "Neida",
    "Nohemí",   "Xiomara",  "Yaritza",   "Yenifer",   "Yuleisy",  "Zuleima",  "Maibelis", "Dayerlin",
    "Nathaly",  "Estefanía", "Wendy",    "Katherine", "Greisy",   "Aurora",   "Belkis",   "Celia",
    "Dalia",    "Emilia",   "Flor",      "Gisela",    "Helena",   "Inés",     "Jimena",   "Leticia",
    "Magaly",   "Nelly",    "Omaira",    "Pilar",     "Ruth",     "Soraya",   "Tatiana",  "Vilma",
    "Yanira",   "Zenaida"};
constexpr S kSpanishFamilyTail[] = {
    "Fernández", "Álvarez",   "Ruiz",       "Gutiérrez", "Navarro",   "Ortega",    "Delgado",
    "Vega",      "Cabrera",   "Núñez",      "Ríos",      "Campos",    "Fuentes",   "Aguilar",
    "Cortés",    "Molina",    "Ortiz",      "Luna",      "Márquez",   "Cordero",   "Figueroa",
    "Guzmán",    "Paz",       "Salas",      "Miranda",   "Osorio",    "Bermúdez",  "Villegas",
    "Urdaneta",  "Chacón",    "Pacheco",    "Aponte",    "Bolívar",   "Arias",     "Bello",
    "Linares",   "Lugo",      "Montilla",   "Mujica",    "Ochoa",     "Pineda",    "Rangel",
    "Sosa",      "Tovar",     "Uzcátegui",  "Valera",    "Velásquez", "Villarroel", "Yépez",
    "Zerpa",     "Alvarado",  "Barrios",    "Cáceres",   "Camacho",   "Cárdenas",  "Carvajal",
    "Duarte",    "Escobar",   "Farías",     "Fermín",    "Franco",    "Galindo",   "Gil",
    "Guevara",   "Henríquez", "Ibarra",     "Lara",      "León",      "Lozada",    "Maldonado",
    "Marín",     "Mejía",     "Mora",       "Noguera",   "Olivares",  "Padilla",   "Pinto",
    "Ponce",     "Prieto",    "Requena",    "Rincón",    "Rosales",   "Salcedo",   "Santana",
    "Sequera",   "Serrano",   "Solórzano",  "Tapia",     "Toro",      "Trujillo",  "Valero",
    "Véliz",     "Villalobos", "Zamora",    "Zurita",    "Arteaga",   "Brito",     "Bastidas",
    "Calderón",  "Canelón",   "Chirinos",   "Coronado",  "Dávila",    "Echeverría", "Fajardo",
    "Gallardo",  "Garrido",   "Gamboa",     "Hurtado",   "Infante",   "Lander",    "Leal",
    "Lozano",    "Madrid",    "Manrique",   "Mata",      "Montero",   "Moya",      "Nieves",
    "Ocando",    "Oropeza",   "Pereira",    "Piña",      "Quiroz",    "Rondón",    "Rueda",
    "Sandoval",  "Segovia",   "Sierra",     "Tirado",    "Ugarte",    "Urbina",    "Vallejo",
    "Zabala",    "Acevedo",   "Agüero",     "Albornoz",  "Arrieta",   "Azuaje",    "Benítez",
    "Bracho",    "Carrasco",  "Castellanos", "Cisneros", "Córdova",   "Crespo",    "Cuevas",
    "Daza",      "Durán",     "Estrada",    "Fariñas",   "Gallegos",  "Girón",     "Godoy",
    "Guillén",   "Hidalgo",   "Jaimes",     "Landaeta",  "Lira",      "Llovera",   "Loyo",
    "Monsalve",  "Navas",     "Obando",     "Orozco",    "Palma",     "Quevedo",   "Rengifo",
    "Roa",       "Rubio",     "Saavedra",   "Salinas",   "Tamayo",    "Terán",     "Trejo",
    "Ulloa",     "Valdez",    "Vivas",      "Aguirre",   "Cevallos",  "Vélez",     "Ojeda"};
constexpr S kHaitianMaleTail[] = {
    "Alix",     "Anel",     "Berthony", "Clebert",  "Dieunel",   "Dieuseul",   "Evens",
    "Fednel",   "Frantzy",  "Gesner",   "Jameson",  "Jean-Claude", "Jean-Marc", "Jean-Louis",
    "Jean-Michel", "Jocelyn", "Johnson", "Kesner",  "Lesly",     "Lubens",     "Nixon",
    "Patrick",  "Ralph",    "Rodney",   "Roosevelt", "Smith",    "Sonel",      "Vladimir",
    "Wesner",   "Widnel",   "Wilguens", "Woodley",  "Yves",      "Pierre",     "Jonas",
    "Samuel",   "Clifford", "Dieusibon", "Ernso",   "Gérald",    "Herby",      "Ludner",
    "Marckenson", "Obed",   "Rony",     "Schneider", "Valentin", "Wilbert"};
constexpr S kHaitianFemaleTail[] = {
    "Adeline",  "Bethsaida", "Carline",  "Claudette", "Darline",   "Dieunise",   "Edeline",
    "Elourdes", "Farah",     "Ginette",  "Islande",   "Jacqueline", "Josette",   "Judeline",
    "Kettia",   "Lourdes",   "Magalie",  "Marjorie",  "Martine",   "Micheline",  "Myrlande",
    "Nathalie", "Nicole",    "Paulette", "Phara",     "Roselaure", "Sabine",     "Shirley",
    "Sophonie", "Tamara",    "Vanessa",  "Wislande",  "Yolette",   "Chantal",    "Manouchka",
    "Rachelle", "Stéphanie", "Clotilde", "Fabienne",  "Gladys",    "Immacula",   "Loudmia",
    "Mona",     "Rosena",    "Sherline", "Taïna"};
constexpr S kHaitianFamilyTail[] = {
    "Auguste",  "Bastien",   "Beauvais",  "Blanc",     "Brutus",    "Casimir",    "Chéry",
    "Clervil",  "Delva",     "Desrosiers", "Dieujuste", "Dorcé",    "Dumas",      "Durand",
    "Édouard",  "Élysée",    "Félix",     "Fleurant",  "Fortuné",   "Gédéon",     "Guerrier",
    "Hyppolite", "Innocent", "Jacques",   "Jeudy",     "Joachim",   "Jolicoeur",  "Julien",
    "Laguerre", "Lamour",    "Laurent",   "Lebrun",    "Legrand",   "Lubin",      "Magloire",
    "Mathieu",  "Métellus",  "Milord",    "Nicolas",   "Petit-Frère", "Philippe", "Pierre-Louis",
    "Prophète", "Raymond",   "Rémy",      "Romain",    "Saintil",   "Simon",      "Sylvain",
    "Thermidor", "Théodore", "Valcin",    "Vilmé",     "Volcy",     "Zéphir",     "Antoine",
    "Bien-Aimé", "Charlot",  "Destin",    "Exilus",    "Fils",      "Germain",    "Hilaire",
    "Jean-Louis", "Louissaint", "Mondésir", "Paulin",  "Saint-Louis", "Sanon",    "Vincent"};
constexpr S kChineseMaleTail[] = {
    "Bin",     "Cheng",   "Dong",   "Feng",    "Gang",    "Guang",   "Hai",     "Hong",
    "Jiahao",  "Jianguo", "Jinlong", "Kai",    "Kang",    "Liang",   "Lin",     "Long",
    "Ning",    "Ping",    "Qiang",  "Rui",     "Shan",    "Shengli", "Tian",    "Wen",
    "Xiang",   "Xin",     "Yang",   "Yi",      "Yifan",   "Yu",      "Zhen",    "Zhiqiang",
    "Zhong",   "Junjie",  "Haoyu",  "Mingyu",  "Weijie",  "Xiaolong", "Zhenyu", "Jiawei"};
constexpr S kChineseFemaleTail[] = {
    "Chun",    "Dan",     "Fei",    "Hua",     "Hui",     "Jiao",    "Juan",    "Lan",
    "Lei",     "Lian",    "Ling",   "Lu",      "Ping",    "Qian",    "Qing",    "Rong",
    "Shu",     "Ting",    "Wei",    "Xia",     "Xue",     "Yun",     "Zhen",    "Zhi",
    "Xiaomei", "Yuqi",    "Zihan",  "Yutong",  "Shiyu",   "Mengyao", "Siqi",    "Wenjing"};
constexpr S kChineseFamilyTail[] = {
    "Song",  "Zheng", "Xie",  "Han",  "Tang", "Feng", "Yu",   "Dong", "Xiao", "Cheng",
    "Cao",   "Yuan",  "Deng", "Fu",   "Shen", "Zeng", "Peng", "Lu",   "Su",   "Jiang",
    "Cai",   "Jia",   "Ding", "Wei",  "Xue",  "Ye",   "Yan",  "Pan",  "Du",   "Dai"};

constexpr NamePool kVen{kVenMale, kVenFemale, kVenFamily, FamilyNameStyle::kSpanish, 0.35, {}, {}, kSpanishMaleTail, kSpanishFemaleTail, kSpanishFamilyTail};
constexpr NamePool kCol{kColMale, kColFemale, kColFamily, FamilyNameStyle::kSpanish, 0.30, {}, {}, kSpanishMaleTail, kSpanishFemaleTail, kSpanishFamilyTail};
constexpr NamePool kEcu{kEcuMale, kEcuFemale, kEcuFamily, FamilyNameStyle::kSpanish, 0.35, {}, {}, kSpanishMaleTail, kSpanishFemaleTail, kSpanishFamilyTail};
constexpr NamePool kCub{kCubMale, kCubFemale, kCubFamily, FamilyNameStyle::kSpanish, 0.20, {}, {}, kSpanishMaleTail, kSpanishFemaleTail, kSpanishFamilyTail};
constexpr NamePool kHispanic{kHispanicMale, kHispanicFemale, kHispanicFamily,
                             FamilyNameStyle::kSpanish, 0.30, {}, {}, kSpanishMaleTail, kSpanishFemaleTail, kSpanishFamilyTail};
constexpr NamePool kBra{kBraMale, kBraFemale, kBraFamily, FamilyNameStyle::kPortuguese, 0.15};
constexpr NamePool kAgo{kAgoMale, kAgoFemale, kAgoFamily, FamilyNameStyle::kOne, 0.10};
constexpr NamePool kHti{kHtiMale,         kHtiFemale,         kHtiFamily,
                        FamilyNameStyle::kOne, 0.10, {}, {}, kHaitianMaleTail, kHaitianFemaleTail,
                        kHaitianFamilyTail};
constexpr NamePool kChn{kChnMale, kChnFemale, kChnFamily, FamilyNameStyle::kOne, 0, {}, {},
                        kChineseMaleTail, kChineseFemaleTail, kChineseFamilyTail};
constexpr NamePool kInd{kIndMale, kIndFemale, kIndFamily, FamilyNameStyle::kOne, 0};
constexpr NamePool kAfg{kAfgMale, kAfgFemale, kAfgFamily, FamilyNameStyle::kOne, 0};
constexpr NamePool kBgd{kBgdMale, kBgdFemale, kBgdFamily, FamilyNameStyle::kOne, 0.10};
constexpr NamePool kNpl{kNplMale, kNplFemale, kNplFamily, FamilyNameStyle::kOne, 0};
constexpr NamePool kPak{kPakMale, kPakFemale, kPakFamily, FamilyNameStyle::kOne, 0};
constexpr NamePool kLka{kLkaMale, kLkaFemale, kLkaFamily, FamilyNameStyle::kOne, 0};
constexpr NamePool kVnm{kVnmMale, kVnmFemale, kVnmFamily, FamilyNameStyle::kOne, 0, "Văn", "Thị"};
constexpr NamePool kCentralAsia{kCenMale, kCenFemale, kCenFamily, FamilyNameStyle::kGendered, 0};
constexpr NamePool kMiddleEast{kMidMale, kMidFemale, kMidFamily, FamilyNameStyle::kOne, 0};
constexpr NamePool kSen{kSenMale, kSenFemale, kSenFamily, FamilyNameStyle::kOne, 0.05};
constexpr NamePool kFrancophoneAfrica{kFraAfrMale, kFraAfrFemale, kFraAfrFamily,
                                      FamilyNameStyle::kOne, 0.10};
constexpr NamePool kAnglophoneAfrica{kEngAfrMale, kEngAfrFemale, kEngAfrFamily,
                                     FamilyNameStyle::kOne, 0.10};
constexpr NamePool kHornOfAfrica{kHornMale, kHornFemale, kHornFamily, FamilyNameStyle::kOne, 0};
constexpr NamePool kGeneric{kGenericMale, kGenericFemale, kGenericFamily, FamilyNameStyle::kOne, 0};

struct Entry {
  S iso3;
  const NamePool* pool;
};

// Sorted by code for binary search.
constexpr Entry kByNationality[] = {
    {"AFG", &kAfg},
    {"AGO", &kAgo},
    {"ARG", &kHispanic},
    {"BDI", &kFrancophoneAfrica},
    {"BEN", &kFrancophoneAfrica},
    {"BFA", &kFrancophoneAfrica},
    {"BGD", &kBgd},
    {"BOL", &kHispanic},
    {"BRA", &kBra},
    {"CAF", &kFrancophoneAfrica},
    {"CHL", &kHispanic},
    {"CHN", &kChn},
    {"CIV", &kFrancophoneAfrica},
    {"CMR", &kFrancophoneAfrica},
    {"COD", &kFrancophoneAfrica},
    {"COG", &kFrancophoneAfrica},
    {"COL", &kCol},
    {"CPV", &kAgo},
    {"CRI", &kHispanic},
    {"CUB", &kCub},
    {"DJI", &kHornOfAfrica},
    {"DOM", &kHispanic},
    {"DZA", &kMiddleEast},
    {"ECU", &kEcu},
    {"EGY", &kMiddleEast},
    {"ERI", &kHornOfAfrica},
    {"ESP", &kHispanic},
    {"ETH", &kHornOfAfrica},
    {"GAB", &kFrancophoneAfrica},
    {"GHA", &kAnglophoneAfrica},
    {"GIN", &kFrancophoneAfrica},
    {"GMB", &kAnglophoneAfrica},
    {"GNB", &kAgo},
    {"GTM", &kHispanic},
    {"GUF", &kHti},
    {"HND", &kHispanic},
    {"HTI", &kHti},
    {"IND", &kInd},
    {"IRN", &kMiddleEast},
    {"IRQ", &kMiddleEast},
    {"JOR", &kMiddleEast},
    {"KAZ", &kCentralAsia},
    {"KGZ", &kCentralAsia},
    {"LBN", &kMiddleEast},
    {"LBR", &kAnglophoneAfrica},
    {"LKA", &kLka},
    {"MAR", &kMiddleEast},
    {"MEX", &kHispanic},
    {"MLI", &kFrancophoneAfrica},
    {"MOZ", &kAgo},
    {"MRT", &kSen},
    {"NER", &kFrancophoneAfrica},
    {"NGA", &kAnglophoneAfrica},
    {"NIC", &kHispanic},
    {"NPL", &kNpl},
    {"PAK", &kPak},
    {"PAN", &kHispanic},
    {"PER", &kHispanic},
    {"PRY", &kHispanic},
    {"PSE", &kMiddleEast},
    {"RUS", &kCentralAsia},
    {"SDN", &kHornOfAfrica},
    {"SEN", &kSen},
    {"SLE", &kAnglophoneAfrica},
    {"SLV", &kHispanic},
    {"SOM", &kHornOfAfrica},
    {"SYR", &kMiddleEast},
    {"TCD", &kFrancophoneAfrica},
    {"TGO", &kFrancophoneAfrica},
    {"TJK", &kCentralAsia},
    {"TKM", &kCentralAsia},
    {"TUR", &kMiddleEast},
    {"URY", &kHispanic},
    {"UZB", &kCentralAsia},
    {"VEN", &kVen},
    {"VNM", &kVnm},
    {"YEM", &kMiddleEast},
};

static_assert(std::is_sorted(std::begin(kByNationality), std::end(kByNationality),
                             [](const Entry& a, const Entry& b) { return a.iso3 < b.iso3; }));

}  // namespace

std::string_view draw_name(std::span<const std::string_view> head,
                           std::span<const std::string_view> tail, double unit) {
  // Inverse of the cumulative weight of 1 / (i + a), taken as continuous: rank i has about
  // a * ((n + a) / a)^u - a below it.
  constexpr double a = 4;
  const std::size_t n = head.size() + tail.size();
  const double x = a * std::pow((static_cast<double>(n) + a) / a, unit) - a;
  const std::size_t i = std::min(n - 1, static_cast<std::size_t>(x));
  return i < head.size() ? head[i] : tail[i - head.size()];
}

const NamePool& name_pool(std::string_view iso3) {
  auto it = std::lower_bound(std::begin(kByNationality), std::end(kByNationality), iso3,
                             [](const Entry& e, std::string_view code) { return e.iso3 < code; });
  if (it != std::end(kByNationality) && it->iso3 == iso3) return *it->pool;
  return kGeneric;
}

}  // namespace escudo::sim::internal
